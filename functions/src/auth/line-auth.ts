import type { Request } from 'firebase-functions/v2/https';
import type { Response } from 'express';
import { getAuth } from 'firebase-admin/auth';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import * as logger from 'firebase-functions/logger';
import { app } from '../firebase-admin.js';
import { lineApiBaseUrl } from '../line/line-endpoint.js';
import { municipality } from '../municipality.js';
import { webApiKeyParam } from '../params.js';
import { idTokenShapeProblem } from './id-token-shape.js';
import { signInOnServer } from './server-sign-in.js';
import { LineUnavailableError, verifyLiffIdToken, type VerifyFailure } from './verify-liff-id-token.js';

/** Thai messages the LIFF app can show as they are. */
const MESSAGES: Record<VerifyFailure | 'missing_token' | 'line_unavailable' | 'too_many_requests', string> = {
  missing_token: 'ไม่พบข้อมูลยืนยันตัวตนจาก LINE กรุณาเปิดหน้านี้จากเมนูใน LINE อีกครั้ง',
  invalid_token: 'ยืนยันตัวตนกับ LINE ไม่สำเร็จ กรุณาปิดหน้านี้แล้วเปิดจากเมนูใน LINE อีกครั้ง',
  expired_token: 'การยืนยันตัวตนหมดอายุ กรุณาปิดหน้านี้แล้วเปิดจากเมนูใน LINE อีกครั้ง',
  wrong_audience: 'ยืนยันตัวตนกับ LINE ไม่สำเร็จ (ช่องทาง LINE ไม่ตรงกัน)',
  line_unavailable: 'ระบบ LINE ไม่ตอบสนองชั่วคราว กรุณาลองใหม่อีกครั้งในอีกสักครู่',
  too_many_requests: 'มีการเข้าสู่ระบบจากเครื่องนี้บ่อยเกินไป กรุณารอประมาณ 1 นาทีแล้วเปิดหน้านี้ใหม่',
};

/**
 * The client a sign-in comes from: Firebase Hosting's CDN sets Fastly-Client-IP on what it forwards;
 * Google's front end appends the connecting address to X-Forwarded-For. Either can be forged by a
 * caller that skips Hosting, which is why maxInstances bounds the total as well (README "Security").
 */
function clientOf(req: Pick<Request, 'get' | 'ip'>): string {
  const viaHosting = req.get('fastly-client-ip');
  const forwarded = req.get('x-forwarded-for')?.split(',').at(-1)?.trim();
  return ipKeyGenerator(viaHosting || forwarded || req.ip || 'unknown');
}

/**
 * Each LINE check is a call to LINE on the municipality's channel: one client gets a few per minute
 * (config limits.signInsPerClientPerMinute), counted per instance, in memory, so that a sign-in costs
 * no database write; with maxInstances this bounds what one client, or all of them, can cause.
 */
const limiter = rateLimit({
  windowMs: 60_000,
  limit: municipality.limits.signInsPerClientPerMinute,
  keyGenerator: clientOf,
  standardHeaders: 'draft-8',
  legacyHeaders: false,
  // X-Forwarded-For is Google's, not a misconfigured proxy's: clientOf reads it on purpose.
  validate: { xForwardedForHeader: false },
  handler: (_req, res) => {
    res.status(429).json({ error: 'too_many_requests', message: MESSAGES.too_many_requests });
  },
});

/** Runs the limiter as a check: false when it has answered 429. */
async function withinLimit(req: Request, res: Response): Promise<boolean> {
  let passed = false;
  await limiter(req, res, () => {
    passed = true;
  });
  return passed;
}

/**
 * Exchanges a LIFF ID token for a Firebase custom token whose uid is the LINE userId and, when the
 * server can sign it in (server-sign-in.ts), the Firebase session itself. Only the token is read from
 * the request: a userId or name sent beside it is ignored, never trusted.
 */
export async function handleLineAuth(req: Request, res: Response): Promise<void> {
  if (req.method !== 'POST') {
    res.status(405).set('allow', 'POST').json({ error: 'method_not_allowed' });
    return;
  }
  const idToken: unknown = (req.body as { idToken?: unknown } | undefined)?.idToken;
  if (typeof idToken !== 'string' || idToken === '' || idToken.length > 4096) {
    res.status(401).json({ error: 'missing_token', message: MESSAGES.missing_token });
    return;
  }
  // Garbage costs nothing: it is refused before it counts against the client or reaches LINE.
  const shapeProblem = idTokenShapeProblem(idToken, municipality.line.lineLoginChannelId);
  if (shapeProblem) {
    res.status(401).json({ error: shapeProblem, message: MESSAGES[shapeProblem] });
    return;
  }
  if (!(await withinLimit(req, res))) {
    logger.info('lineAuth: a client reached its sign-in limit');
    return;
  }
  try {
    const result = await verifyLiffIdToken(idToken, { apiBaseUrl: lineApiBaseUrl(), channelId: municipality.line.lineLoginChannelId });
    if (!result.ok) {
      logger.info('lineAuth refused an ID token', { reason: result.reason, detail: result.detail });
      res.status(401).json({ error: result.reason, message: MESSAGES[result.reason] });
      return;
    }
    const customToken = await getAuth(app).createCustomToken(result.userId);
    const session = await signInOnServer(customToken, webApiKeyParam.value());
    // Credentials: never kept by Hosting's CDN or the browser's cache.
    res
      .status(200)
      .set('cache-control', 'no-store')
      .json(session ? { customToken, session } : { customToken });
  } catch (err) {
    if (!(err instanceof LineUnavailableError)) throw err;
    logger.warn('LINE Login unavailable', { error: err.message });
    res.status(503).json({ error: 'line_unavailable', message: MESSAGES.line_unavailable });
  }
}
