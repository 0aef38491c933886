import { httpsCallable } from 'firebase/functions';
import { EXPORT_CASES_PATH, REPORT_FUNCTIONS, REPORT_MESSAGES, type MessageQuotaResponse, type RevealReason } from '@banmae/domain';
import { auth, functions } from '../boot/firebase-client.ts';
import { guarded } from '../boot/staff-session.ts';

const quotaCall = httpsCallable<void, MessageQuotaResponse>(functions, REPORT_FUNCTIONS.messageQuota);

/** This month's LINE allowance and usage (the function asks LINE at most every few minutes). */
export const fetchMessageQuota = () => guarded(() => quotaCall()).then((r) => r.data);

export class ExportRefused extends Error {}

/**
 * The queue's filter as a CSV, from exportCases (same origin, streamed). The file is saved by the
 * browser; with personal data only for an admin, and only after the function has written the audit.
 */
export async function downloadCasesCsv(search: string, personal: { reason: RevealReason } | null): Promise<{ bytes: number; name: string }> {
  const user = auth.currentUser;
  if (!user) throw new ExportRefused(REPORT_MESSAGES.exportFailed);
  const q = new URLSearchParams(search);
  if (personal) {
    q.set('personal', '1');
    q.set('reason', personal.reason);
  }
  const res = await fetch(`${EXPORT_CASES_PATH}?${q.toString()}`, { headers: { authorization: `Bearer ${await user.getIdToken()}` } });
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { error?: string };
    throw new ExportRefused(body.error ?? REPORT_MESSAGES.exportFailed);
  }
  const blob = await res.blob();
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'cases.csv';
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return { bytes: blob.size, name };
}
