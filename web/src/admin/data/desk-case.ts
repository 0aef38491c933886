import type { DocumentData, Timestamp } from 'firebase/firestore/lite';
import { feedbackSummaryTh, isStatus, type CaseFeedback, type ComplaintKind, type Status } from '@banmae/domain';

/**
 * A case as the desk shows it: what the citizen submitted and how staff are working it, never the
 * reporter's personal data (that is in complaints/{id}/private/reporter, read only through revealReporter).
 */
export interface DeskCase {
  id: string;
  trackingNo: string | null;
  kind: ComplaintKind;
  category: string;
  subject: string;
  details: string;
  /** When it happened, as the citizen said (optional "วันและเวลาที่เกิดเหตุ"). */
  incidentAt: Date | null;
  hasLocation: boolean;
  /** null when someone typed a status the domain does not know in the console (it is in problems/). */
  status: Status | null;
  rawStatus: string;
  statusNote: string | null;
  department: string | null;
  assigneeUid: string | null;
  createdAt: Date;
  updatedAt: Date | null;
  /**
   * What the clerk loaded: status and the exact `updatedAt` (to the nanosecond). A write goes through
   * only if the case still has both (two clerks never overwrite each other silently).
   */
  version: string;
  /** The citizen's reason, when they cancelled the case (decision 018). */
  cancelReason: string | null;
  /** The citizen's answer to the "done" message and their rating, one line in Thai (decision 018). */
  feedbackSummary: string | null;
}

const asDate = (v: unknown): Date | null => (v as Timestamp | undefined)?.toDate?.() ?? null;
const asText = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

export function versionOf(d: DocumentData): string {
  const at = d.updatedAt as Timestamp | undefined;
  return `${String(d.status)}@${at ? `${at.seconds}.${at.nanoseconds}` : 'never'}`;
}

export function toDeskCase(id: string, d: DocumentData): DeskCase {
  return {
    id,
    trackingNo: asText(d.trackingNo),
    kind: d.kind as ComplaintKind,
    category: String(d.category),
    subject: String(d.subject),
    details: String(d.details),
    incidentAt: asDate(d.incidentAt),
    hasLocation: d.hasLocation === true,
    status: isStatus(d.status) ? d.status : null,
    rawStatus: String(d.status),
    statusNote: asText(d.statusNote),
    department: asText(d.department),
    assigneeUid: asText(d.assigneeUid),
    createdAt: asDate(d.createdAt) ?? new Date(0),
    updatedAt: asDate(d.updatedAt),
    version: versionOf(d),
    cancelReason: asText(d.cancelReason),
    feedbackSummary: feedbackSummaryTh(d.feedback as Partial<CaseFeedback> | undefined),
  };
}
