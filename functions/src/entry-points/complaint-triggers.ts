import { onDocumentCreated, onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { lineChannelAccessToken } from '../params.js';

// retry: a run that throws (transaction contention, a crash after the push but before its outcome was
// recorded) runs again, for up to 24 h; the handlers are idempotent and LINE's outcomes are recorded,
// not thrown, so a refused message never loops.
const options = { document: 'complaints/{id}' as const, secrets: [lineChannelAccessToken], retry: true };

// A receipt filed from the chat may wait for its free reply (config receiptReplyWaitSeconds ≤ 50 s) before
// it is pushed: room for that and the push's retries.
export const onComplaintCreated = onDocumentCreated({ ...options, timeoutSeconds: 120 }, async (event) =>
  (await import('../complaints/on-complaint-created.js')).onComplaintCreated(event),
);

export const onComplaintUpdated = onDocumentUpdated(options, async (event) =>
  (await import('../complaints/on-complaint-updated.js')).onComplaintUpdated(event),
);
