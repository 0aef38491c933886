import type { Request } from 'firebase-functions/v2/https';
import type { Response } from 'express';
import { getAuth } from 'firebase-admin/auth';
import * as logger from 'firebase-functions/logger';
import { app } from '../firebase-admin.js';
import { lineApiBaseUrl } from '../line/line-endpoint.js';
import { municipality } from '../municipality.js';
import { LineUnavailableError, verifyLiffIdToken, type VerifyFailure } from './verify-liff-id-token.js';

/** Thai messages the LIFF app can show as they are. */
const MESSAGES: Record<VerifyFailure | 'missing_token' | 'line_unavailable', string> = {
  missing_token: 'ไม่พบข้อมูลยืนยันตัวตนจาก LINE กรุณาเปิดหน้านี้จากเมนูใน LINE อีกครั้ง',
  invalid_token: 'ยืนยันตัวตนกับ LINE ไม่สำเร็จ กรุณาปิดหน้านี้แล้วเปิดจากเมนูใน LINE อีกครั้ง',
  expired_token: 'การยืนยันตัวตนหมดอายุ กรุณาปิดหน้านี้แล้วเปิดจากเมนูใน LINE อีกครั้ง',
  wrong_audience: 'ยืนยันตัวตนกับ LINE ไม่สำเร็จ (ช่องทาง LINE ไม่ตรงกัน)',
  line_unavailable: 'ระบบ LINE ไม่ตอบสนองชั่วคราว กรุณาลองใหม่อีกครั้งในอีกสักครู่',
};

/**
 * Exchanges a LIFF ID token for a Firebase custom token whose uid is the LINE userId. Only the token
 * is read from the request: a userId or name sent beside it is ignored, never trusted.
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
  try {
    const result = await verifyLiffIdToken(idToken, { apiBaseUrl: lineApiBaseUrl(), channelId: municipality.line.lineLoginChannelId });
    if (!result.ok) {
      logger.info('lineAuth refused an ID token', { reason: result.reason, detail: result.detail });
      res.status(401).json({ error: result.reason, message: MESSAGES[result.reason] });
      return;
    }
    const customToken = await getAuth(app).createCustomToken(result.userId);
    res.status(200).json({ customToken });
  } catch (err) {
    if (!(err instanceof LineUnavailableError)) throw err;
    logger.warn('LINE Login unavailable', { error: err.message });
    res.status(503).json({ error: 'line_unavailable', message: MESSAGES.line_unavailable });
  }
}
