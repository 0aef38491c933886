import { onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { onSchedule } from 'firebase-functions/v2/scheduler';
import { lineChannelAccessToken } from '../params.js';

async function load() {
  const [alerts, digest, { db }, { messagingClient }, { TRIGGER_ATTEMPTS }] = await Promise.all([
    import('../group-alerts/alert-new-case.js'),
    import('../group-alerts/overdue-digest.js'),
    import('../firebase-admin.js'),
    import('../line/messaging-client.js'),
    import('../line/push-with-retry.js'),
  ]);
  return { alerts, digest, db: await db(), client: await messagingClient(), policy: TRIGGER_ATTEMPTS };
}

// The moment a case gets its tracking number (decision 013 numbers it in an update, possibly in another
// case's run): one card to its department's LINE groups (decision 020). retry: a push LINE may still have
// (no answer, 5xx) throws after it is recorded, and the retried run sends it with the same retry key.
export const onCaseNumbered = onDocumentUpdated(
  { document: 'complaints/{id}', secrets: [lineChannelAccessToken], retry: true, memory: '256MiB', maxInstances: 10, timeoutSeconds: 60 },
  async (event) => {
    const before = event.data?.before;
    const after = event.data?.after;
    if (!after || before?.get('trackingNo') || !after.get('trackingNo')) return;
    const { alerts, db, client, policy } = await load();
    await alerts.alertNewCase(db, client, after, policy);
  },
);

// 08:00 Bangkok: each linked group's overdue cases. A failed run is retried; what was sent is not sent again.
export const postOverdueDigests = onSchedule(
  { schedule: '0 8 * * *', timeZone: 'Asia/Bangkok', retryCount: 3, timeoutSeconds: 300, maxInstances: 1, secrets: [lineChannelAccessToken] },
  async () => {
    const { digest, db, client, policy } = await load();
    await digest.postOverdueDigests(db, client, policy);
  },
);
