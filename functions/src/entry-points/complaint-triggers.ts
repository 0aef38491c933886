import { onDocumentCreated, onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { lineChannelAccessToken } from '../params.js';

const complaint = 'complaints/{id}';

export const onComplaintCreated = onDocumentCreated({ document: complaint, secrets: [lineChannelAccessToken] }, async (event) =>
  (await import('../complaints/on-complaint-created.js')).onComplaintCreated(event),
);

export const onComplaintUpdated = onDocumentUpdated({ document: complaint, secrets: [lineChannelAccessToken] }, async (event) =>
  (await import('../complaints/on-complaint-updated.js')).onComplaintUpdated(event),
);
