import { onCall, onRequest } from 'firebase-functions/v2/https';
import { lineChannelAccessToken, quotaCacheSecondsParam } from '../params.js';
import { app, db } from '../firebase-admin.js';

// The desk's reports (decision 017). exportCases is an HTTP function behind /api/exportCases so that
// it can stream a large CSV page by page; it checks the caller's ID token and staff role itself.
export const exportCases = onRequest({ timeoutSeconds: 300, memory: '512MiB' }, async (req, res) => {
  const [{ exportCases: handle }, { getAuth }] = await Promise.all([import('../reports/export-cases.js'), import('firebase-admin/auth')]);
  await handle(await db(), getAuth(app), req, res);
});

export const messageQuota = onCall({ secrets: [lineChannelAccessToken] }, async (request) => {
  const [{ messageQuota }, { messagingClient }] = await Promise.all([import('../reports/message-quota.js'), import('../line/messaging-client.js')]);
  return messageQuota(await db(), request, messagingClient, { cacheMs: quotaCacheSecondsParam.value() * 1000 });
});
