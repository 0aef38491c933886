import { onDocumentCreated, onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { lineChannelAccessToken } from '../params.js';

// retry: a run that throws (transaction contention, a crash after the push but before its outcome was
// recorded) runs again, for up to 24 h; the handlers are idempotent and LINE's outcomes are recorded,
// not thrown, so a refused message never loops.
// A run makes two quick attempts at LINE and leaves the rest to sweepDeliveries (decision 014), so it
// takes about a second and at worst ~11 s: one instance serves many events at once (concurrency needs a
// whole CPU), and ten instances bound a burst (400 events in flight) without a cold start per filing.
const options = {
  document: 'complaints/{id}' as const,
  secrets: [lineChannelAccessToken],
  retry: true,
  cpu: 1,
  memory: '512MiB' as const,
  concurrency: 40,
  maxInstances: 10,
  timeoutSeconds: 60,
};

// A receipt filed from the chat may wait for its free reply (config receiptReplyWaitSeconds ≤ 50 s) before
// it is pushed: room for that and the push's retries.
export const onComplaintCreated = onDocumentCreated({ ...options, timeoutSeconds: 120 }, async (event) =>
  (await import('../complaints/on-complaint-created.js')).onComplaintCreated(event),
);

export const onComplaintUpdated = onDocumentUpdated(options, async (event) =>
  (await import('../complaints/on-complaint-updated.js')).onComplaintUpdated(event),
);
