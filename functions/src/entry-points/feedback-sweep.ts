import { onSchedule } from 'firebase-functions/v2/scheduler';

// Hourly: a case silent past its reopen window is confirmed within the hour (decision 018).
export const confirmSilentCases = onSchedule({ schedule: 'every 60 minutes', timeZone: 'Asia/Bangkok', retryCount: 1, maxInstances: 1 }, async () => {
  const [{ confirmSilentCases: run }, { db }] = await Promise.all([import('../feedback/confirm-silent-cases.js'), import('../firebase-admin.js')]);
  await run(await db());
});
