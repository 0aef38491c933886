/**
 * Entry point: wiring only. Each handler lives in its own module and is loaded on first call, so a
 * cold start loads only firebase-functions and the config (target ≤ 250 ms, see README "Benchmarks").
 */
import { setGlobalOptions } from 'firebase-functions/v2';
import { onRequest } from 'firebase-functions/v2/https';
import { onDocumentCreated, onDocumentUpdated } from 'firebase-functions/v2/firestore';
import { municipality } from './municipality.js';
import { lineChannelAccessToken, lineChannelSecret } from './params.js';
import './firebase-admin.js';

setGlobalOptions({ region: municipality.region });

const complaint = 'complaints/{id}';

export const lineAuth = onRequest({ cors: false }, async (req, res) => (await import('./auth/line-auth.js')).handleLineAuth(req, res));

export const lineWebhook = onRequest({ secrets: [lineChannelSecret, lineChannelAccessToken] }, async (req, res) =>
  (await import('./line/webhook/handle-webhook.js')).handleWebhook(req, res),
);

export const onComplaintCreated = onDocumentCreated({ document: complaint, secrets: [lineChannelAccessToken] }, async (event) =>
  (await import('./complaints/on-complaint-created.js')).onComplaintCreated(event),
);

export const onComplaintUpdated = onDocumentUpdated({ document: complaint, secrets: [lineChannelAccessToken] }, async (event) =>
  (await import('./complaints/on-complaint-updated.js')).onComplaintUpdated(event),
);
