import { onSchedule } from 'firebase-functions/v2/scheduler';
import { lineChannelAccessToken } from '../params.js';

// Every minute (DELIVERY_SCHEDULE.sweepEveryMinutes), one instance: a run takes at most 100 messages,
// 10 at a time, each with a 10 s timeout, so it ends well inside its timeout. A failed run is not
// retried: the next one comes in a minute and finds the same messages due (decision 014).
export const sweepDeliveries = onSchedule(
  { schedule: 'every 1 minutes', timeZone: 'Asia/Bangkok', retryCount: 0, timeoutSeconds: 300, maxInstances: 1, secrets: [lineChannelAccessToken] },
  async () => {
    const [{ sweepDeliveries: sweep }, { db }, { messagingClient }] = await Promise.all([
      import('../delivery/sweep-deliveries.js'),
      import('../firebase-admin.js'),
      import('../line/messaging-client.js'),
    ]);
    await sweep(await db(), await messagingClient());
  },
);
