import { onRequest } from 'firebase-functions/v2/https';

export const lineAuth = onRequest({ cors: false }, async (req, res) => (await import('../auth/line-auth.js')).handleLineAuth(req, res));
