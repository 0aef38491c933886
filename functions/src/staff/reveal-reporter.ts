import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import * as logger from 'firebase-functions/logger';
import type { Firestore, GeoPoint } from 'firebase-admin/firestore';
import {
  COLLECTIONS,
  DESK_MESSAGES,
  isRevealReason,
  privateReporterPath,
  REVEAL_FIELDS,
  type RevealField,
  type RevealReporterRequest,
  type RevealReporterResponse,
} from '@banmae/domain';
import { requireDocId, requireStaff } from './staff-caller.js';
import { writeRevealAudit, type WriteRevealAudit } from './reveal-audit.js';

function requireFields(value: unknown): RevealField[] {
  if (!Array.isArray(value) || value.length === 0 || value.length > REVEAL_FIELDS.length) throw new HttpsError('invalid-argument', DESK_MESSAGES.badFields);
  const fields = [...new Set(value)];
  if (!fields.every((f): f is RevealField => (REVEAL_FIELDS as readonly unknown[]).includes(f)))
    throw new HttpsError('invalid-argument', DESK_MESSAGES.badFields);
  return fields;
}

/**
 * A clerk presses "แสดง" on a case: the reporter's personal data, only the fields asked for, after an
 * audit entry (who, when, which case, which fields, why) has been written. If the audit cannot be
 * written, nothing is read and nothing is returned. Values are never logged.
 */
export async function revealReporter(
  db: Firestore,
  request: Pick<CallableRequest<Partial<RevealReporterRequest>>, 'auth' | 'data'>,
  writeAudit: WriteRevealAudit = writeRevealAudit,
): Promise<RevealReporterResponse> {
  const caller = await requireStaff(db, request);
  const caseId = requireDocId(request.data?.caseId);
  const fields = requireFields(request.data?.fields);
  const reason = request.data?.reason;
  if (!isRevealReason(reason)) throw new HttpsError('invalid-argument', DESK_MESSAGES.badReason);

  const caseSnap = await db.collection(COLLECTIONS.complaints).doc(caseId).get();
  if (!caseSnap.exists) throw new HttpsError('not-found', DESK_MESSAGES.caseNotFound);
  const trackingNo = (caseSnap.get('trackingNo') as string | undefined) ?? null;

  let auditId: string;
  try {
    auditId = await writeAudit(db, {
      kind: 'reveal',
      staffUid: caller.uid,
      staffEmail: caller.email,
      caseIds: [caseId],
      trackingNos: [trackingNo],
      fields,
      reason,
    });
  } catch (err) {
    logger.error('reveal refused: the audit entry could not be written', { caseId, staffUid: caller.uid, error: String(err) });
    throw new HttpsError('unavailable', DESK_MESSAGES.auditFailed);
  }
  logger.info('personal data revealed to staff', { auditId, caseId, staffUid: caller.uid, fields, reason });

  const reporter = await db.doc(privateReporterPath(caseId)).get();
  const answer: RevealReporterResponse = { auditId };
  if (!reporter.exists) return answer; // anonymised after the retention period: nothing left to show
  for (const field of fields) {
    if (field === 'location') {
      const loc = reporter.get('location') as { geo: GeoPoint; accuracyM: number } | undefined;
      if (loc) answer.location = { lat: loc.geo.latitude, lng: loc.geo.longitude, accuracyM: loc.accuracyM };
      continue;
    }
    const value: unknown = reporter.get(field);
    if (typeof value === 'string') answer[field] = value;
  }
  return answer;
}
