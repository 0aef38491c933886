import { onRequest } from 'firebase-functions/v2/https';

// maxInstances bounds what all clients together can make the function ask LINE (each instance limits
// every client, auth/line-auth.ts); a municipality's sign-ins need one or two instances.
export const lineAuth = onRequest({ cors: false, maxInstances: 10 }, async (req, res) => (await import('../auth/line-auth.js')).handleLineAuth(req, res));
