import type { Status } from './statuses.ts';

/** What the desk may change on a case (firestore.rules: staffEditOk). */
export interface DeskEdit {
  status?: Status;
  statusNote?: string | null;
  department?: string | null;
  assigneeUid?: string | null;
}

/**
 * complaints/{id}/audit/{id}: who moved or edited a case, staff only. Three writers:
 * - the desk, for each of its edits: ID = the edit's `editId` (also set on the case), written in the
 *   same write as the edit; the rules check `by` is the signed-in clerk, `at` the server's time, and that
 *   it records exactly what the edit changed (deskEditRecord);
 * - onComplaintUpdated, for a status changed in the Firebase console: ID = the event ID, `by: 'console'`;
 * - resendMessage: `kind: 'resend'` with the timeline entry's ID;
 * - `npm run migrate`: `kind: 'last_edit_before_011'`, the `updatedBy` a case carried before decision 011.
 */
export interface CaseAuditEntry {
  /** Staff uid, or "console". */
  by: string;
  at: Date;
  kind?: 'resend' | 'last_edit_before_011';
  /** The status set, and the one it replaced. */
  status?: string;
  from?: string;
  department?: string | null;
  assigneeUid?: string | null;
  /** For a resend: the timeline entry whose message was sent again. */
  entryId?: string;
}

/** A desk edit's ID: a Firestore auto-ID (20 letters and digits); the rules accept no other `editId`. */
export const EDIT_ID_PATTERN = /^[A-Za-z0-9]{20}$/;

/** Keys a desk edit's audit entry may carry besides `by` and `at` (mirrored in firestore.rules). */
export const DESK_EDIT_RECORD_FIELDS = ['status', 'from', 'department', 'assigneeUid'] as const;

/**
 * What a desk edit's audit entry records, given the case as the clerk's transaction read it: the status
 * moved (from, to) and the department and assignee set, each only if the edit changes it. A field absent
 * before and set to null counts as changed, as in the rules' map diff.
 */
export function deskEditRecord(before: Readonly<Record<string, unknown>>, edit: DeskEdit): Record<string, unknown> {
  const changes = (key: keyof DeskEdit) => key in edit && (!(key in before) || before[key] !== edit[key]);
  const record: Record<string, unknown> = {};
  if (changes('status')) Object.assign(record, { status: edit.status, from: before.status });
  if (changes('department')) record.department = edit.department;
  if (changes('assigneeUid')) record.assigneeUid = edit.assigneeUid;
  return record;
}
