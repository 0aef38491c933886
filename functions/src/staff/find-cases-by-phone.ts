import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import * as logger from 'firebase-functions/logger';
import type { DocumentReference, Firestore, Timestamp } from 'firebase-admin/firestore';
import {
  COLLECTIONS,
  DESK_LIMITS,
  DESK_MESSAGES,
  isRevealReason,
  normalizeThaiPhone,
  phoneProblem,
  type FindCasesByPhoneRequest,
  type FindCasesByPhoneResponse,
} from '@banmae/domain';
import { requireStaff } from './staff-caller.js';
import { writeRevealAudit, type WriteRevealAudit } from './reveal-audit.js';

/**
 * A citizen phones the municipality and gives their number: the desk finds their cases without anyone
 * reading every private document. One indexed collection-group query on private/reporter.phone runs
 * here, the search is audited like a reveal (it links a phone number to cases), and the answer carries
 * no personal data beyond the number the clerk typed.
 */
export async function findCasesByPhone(
  db: Firestore,
  request: Pick<CallableRequest<Partial<FindCasesByPhoneRequest>>, 'auth' | 'data'>,
  writeAudit: WriteRevealAudit = writeRevealAudit,
): Promise<FindCasesByPhoneResponse> {
  const caller = await requireStaff(db, request);
  const typed = request.data?.phone;
  if (typeof typed !== 'string' || typed.length > 40 || phoneProblem(typed) !== null) throw new HttpsError('invalid-argument', DESK_MESSAGES.badPhone);
  const reason = request.data?.reason;
  if (!isRevealReason(reason)) throw new HttpsError('invalid-argument', DESK_MESSAGES.badReason);

  const matches = await db.collectionGroup(COLLECTIONS.private).where('phone', '==', normalizeThaiPhone(typed)).limit(DESK_LIMITS.phoneMatches).get();
  const caseRefs = matches.docs
    .map((d) => d.ref.parent.parent)
    .filter((ref): ref is DocumentReference => ref !== null && ref.parent.id === COLLECTIONS.complaints);
  const cases = caseRefs.length > 0 ? (await db.getAll(...caseRefs)).filter((s) => s.exists) : [];

  let auditId: string;
  try {
    auditId = await writeAudit(db, {
      kind: 'find_by_phone',
      staffUid: caller.uid,
      staffEmail: caller.email,
      caseIds: cases.map((c) => c.id),
      trackingNos: cases.map((c) => (c.get('trackingNo') as string | undefined) ?? null),
      fields: ['phone'],
      reason,
    });
  } catch (err) {
    logger.error('phone search refused: the audit entry could not be written', { staffUid: caller.uid, error: String(err) });
    throw new HttpsError('unavailable', DESK_MESSAGES.auditFailed);
  }
  logger.info('cases found by phone for staff', { auditId, staffUid: caller.uid, matches: cases.length, reason });

  return {
    auditId,
    cases: cases
      .map((c) => ({
        id: c.id,
        trackingNo: (c.get('trackingNo') as string | undefined) ?? null,
        subject: String(c.get('subject')),
        status: String(c.get('status')),
        createdAtMs: (c.get('createdAt') as Timestamp | undefined)?.toMillis() ?? 0,
      }))
      .sort((a, b) => b.createdAtMs - a.createdAtMs),
  };
}
