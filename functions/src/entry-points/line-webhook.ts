import { onRequest } from 'firebase-functions/v2/https';
import { lineChannelAccessToken, lineChannelSecret } from '../params.js';

export const lineWebhook = onRequest({ secrets: [lineChannelSecret, lineChannelAccessToken] }, async (req, res) =>
  (await import('../line/webhook/handle-webhook.js')).handleWebhook(req, res),
);
