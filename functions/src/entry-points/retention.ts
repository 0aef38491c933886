import { onSchedule } from 'firebase-functions/v2/scheduler';
import { municipality } from '../municipality.js';

export const anonymiseExpiredCases = onSchedule({ schedule: 'every day 03:00', timeZone: 'Asia/Bangkok', retryCount: 3 }, async () => {
  const [{ anonymiseExpiredCases: run }, { db }] = await Promise.all([import('../retention/anonymise-expired-cases.js'), import('../firebase-admin.js')]);
  await run(await db(), municipality.retentionDays);
});
