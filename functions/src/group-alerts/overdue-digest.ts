import type { Firestore, Timestamp } from 'firebase-admin/firestore';
import type { messagingApi } from '@line/bot-sdk';
import {
  bangkokDateKey,
  CLOSED_STATUSES,
  COLLECTIONS,
  departmentOfCase,
  formatThaiDate,
  GROUP_COLLECTIONS,
  groupDigestId,
  holidaySet,
  overdueWorkingDays,
  STATUSES,
  type Status,
} from '@banmae/domain';
import { municipality } from '../municipality.js';
import type { RetryPolicy } from '../line/push-with-retry.js';
import { freeText } from '../line/messages/free-text.js';
import { alertSettings } from './alert-new-case.js';
import { deskUrl } from './desk-link.js';
import { GroupPushUnsettled, pushToGroupOnce } from './group-push.js';

const holidays = holidaySet(municipality);
const OPEN_STATUSES = STATUSES.filter((s) => !CLOSED_STATUSES.includes(s));
/** Lines listed in one digest; LINE's text limit is 5,000 characters, a line here is at most ~110. */
export const DIGEST_MAX_LINES = 30;

export interface OverdueCase {
  id: string;
  trackingNo: string;
  categoryTh: string;
  subject: string;
  daysOver: number;
}

/** The digest's text: the department, the date, one line per overdue case (most overdue first), the desk link. */
export function digestText(departmentTh: string, day: Date, cases: OverdueCase[], queueUrl: string): string {
  const lines = cases.slice(0, DIGEST_MAX_LINES).map((c) => `• ${c.trackingNo} ${freeText(c.subject, 40)} (${c.categoryTh}) เกิน ${c.daysOver} วันทำการ`);
  const more = cases.length > DIGEST_MAX_LINES ? [`และอีก ${cases.length - DIGEST_MAX_LINES} เรื่อง`] : [];
  return [`เรื่องเกินกำหนด ${cases.length} เรื่อง · ${departmentTh}`, `ประจำวันที่ ${formatThaiDate(day)}`, '', ...lines, ...more, '', `เปิดในระบบ: ${queueUrl}`].join(
    '\n',
  );
}

/** Every open, numbered case past its due time, by department (domain overdue rule, as on the desk). */
export async function overdueByDepartment(db: Firestore, now: Date): Promise<Map<string, OverdueCase[]>> {
  const snap = await db
    .collection(COLLECTIONS.complaints)
    .where('status', 'in', OPEN_STATUSES)
    .select('trackingNo', 'category', 'department', 'status', 'subject', 'createdAt')
    .get();
  const byDepartment = new Map<string, OverdueCase[]>();
  for (const d of snap.docs) {
    const c = d.data() as { trackingNo?: string; category: string; department?: string | null; status: Status; subject: string; createdAt?: Timestamp };
    if (!c.trackingNo || !c.createdAt) continue;
    const daysOver = overdueWorkingDays({ status: c.status, createdAt: c.createdAt.toDate(), category: c.category }, municipality.categories, holidays, now);
    const departmentId = departmentOfCase(c, municipality);
    if (daysOver === null || !departmentId) continue;
    const categoryTh = municipality.categories.find((k) => k.id === c.category)?.labelTh ?? c.category;
    const list = byDepartment.get(departmentId) ?? [];
    list.push({ id: d.id, trackingNo: c.trackingNo, categoryTh, subject: c.subject, daysOver });
    byDepartment.set(departmentId, list);
  }
  for (const list of byDepartment.values()) list.sort((a, b) => b.daysOver - a.daysOver || a.trackingNo.localeCompare(b.trackingNo));
  return byDepartment;
}

/**
 * The morning digest (08:00 Bangkok, docs/decisions/020): each joined group linked to a department whose
 * digest is on gets one message listing exactly that department's overdue cases; a department with none
 * gets nothing (no push spent). Once per group and Bangkok day, whatever runs it twice.
 * Returns how many digests were sent.
 */
export async function postOverdueDigests(
  db: Firestore,
  client: Pick<messagingApi.MessagingApiClient, 'pushMessageWithHttpInfo'>,
  policy: RetryPolicy,
  now = new Date(),
): Promise<number> {
  const groups = (await db.collection(GROUP_COLLECTIONS.lineGroups).where('state', '==', 'joined').get()).docs.filter((g) => g.get('departmentId'));
  if (groups.length === 0) return 0;
  const overdue = await overdueByDepartment(db, now);
  const day = bangkokDateKey(now);
  let sent = 0;
  let unsettled: GroupPushUnsettled | null = null;
  for (const g of groups) {
    const departmentId = g.get('departmentId') as string;
    const cases = overdue.get(departmentId) ?? [];
    if (cases.length === 0 || !(await alertSettings(db, departmentId)).digest) continue;
    const departmentTh = municipality.departments.find((d) => d.id === departmentId)?.labelTh ?? departmentId;
    const text = digestText(departmentTh, now, cases, deskUrl(`?department=${encodeURIComponent(departmentId)}`));
    try {
      const state = await pushToGroupOnce(
        db,
        client,
        { id: groupDigestId(day, g.id), kind: 'digest', groupId: g.id, departmentId, caseIds: cases.map((c) => c.id), messages: [{ type: 'text', text }] },
        policy,
      );
      if (state === 'sent') sent += 1;
    } catch (err) {
      if (!(err instanceof GroupPushUnsettled)) throw err;
      unsettled = err;
    }
  }
  if (unsettled) throw unsettled;
  return sent;
}
