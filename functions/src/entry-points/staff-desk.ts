import { onCall } from 'firebase-functions/v2/https';
import { lineChannelAccessToken } from '../params.js';
import { db } from '../firebase-admin.js';

// The desk's callables (web/src/admin). Each checks the staff claim and the staff directory itself;
// the handlers load on first call (docs/decisions/005).
export const revealReporter = onCall(async (request) => (await import('../staff/reveal-reporter.js')).revealReporter(await db(), request));

export const findCasesByPhone = onCall(async (request) => (await import('../staff/find-cases-by-phone.js')).findCasesByPhone(await db(), request));

export const resendMessage = onCall({ secrets: [lineChannelAccessToken] }, async (request) =>
  (await import('../staff/resend-message.js')).resendMessage(await db(), request),
);
