import type { Request } from 'firebase-functions/v2/https';
import type { Response } from 'express';
import { HttpsError } from 'firebase-functions/v2/https';
import type { Auth } from 'firebase-admin/auth';
import { Timestamp, type DocumentSnapshot, type Firestore, type Query } from 'firebase-admin/firestore';
import * as logger from 'firebase-functions/logger';
import {
  bangkokDayEnd,
  bangkokDayStart,
  caseCsvRowFactory,
  CASE_CSV_HEADER,
  COLLECTIONS,
  CSV_BOM,
  csvLine,
  EXPORT_PAGE_SIZE,
  exportFileName,
  filtersFromSearch,
  fiscalYearOf,
  isRevealReason,
  privateReporterPath,
  REPORT_MESSAGES,
  DESK_MESSAGES,
  searchFromFilters,
  type CsvReporter,
  type QueueFilters,
} from '@banmae/domain';
import { municipality } from '../municipality.js';
import { requireStaff, type StaffCaller } from '../staff/staff-caller.js';
import { auditOrRefuse, writeRevealAudit, type WriteRevealAudit } from '../staff/reveal-audit.js';

/** The queue's filter as a Firestore query: the same constraints the desk's list uses. */
function casesQuery(db: Firestore, f: QueueFilters, caller: StaffCaller, pageSize: number): Query {
  let q: Query = db.collection(COLLECTIONS.complaints);
  if (f.status) q = q.where('status', '==', f.status);
  if (f.category) q = q.where('category', '==', f.category);
  if (f.department) q = q.where('department', '==', f.department);
  if (f.kind) q = q.where('kind', '==', f.kind);
  if (f.mine) q = q.where('assigneeUid', '==', caller.uid);
  if (f.from) q = q.where('createdAt', '>=', Timestamp.fromDate(bangkokDayStart(f.from)));
  if (f.to) q = q.where('createdAt', '<', Timestamp.fromDate(bangkokDayEnd(f.to)));
  return q.orderBy('createdAt', 'desc').limit(pageSize);
}

const HTTP_STATUS: Record<string, number> = { 'permission-denied': 403, unauthenticated: 401, 'invalid-argument': 400, unavailable: 503 };

function refuse(res: Response, err: unknown): void {
  const e = err instanceof HttpsError ? err : new HttpsError('internal', REPORT_MESSAGES.exportFailed);
  res.status(HTTP_STATUS[e.code] ?? 500).json({ error: e.message });
}

async function callerOf(db: Firestore, auth: Auth, req: Pick<Request, 'get'>): Promise<StaffCaller> {
  const token = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1];
  if (!token) throw new HttpsError('unauthenticated', DESK_MESSAGES.notStaff);
  const decoded = await auth.verifyIdToken(token).catch(() => {
    throw new HttpsError('unauthenticated', DESK_MESSAGES.notStaff);
  });
  return requireStaff(db, { auth: { uid: decoded.uid, token: decoded, rawToken: token } });
}

const toDate = (v: unknown): Date | null => (v instanceof Timestamp ? v.toDate() : null);

/**
 * GET /api/exportCases?<the queue's filters>[&personal=1&reason=…]: the CSV of every case the filter
 * matches, newest first, a page of 500 at a time (each page written before the next is read, so memory
 * and a read burst stay bounded). Staff get it masked. With `personal=1` an admin gets the reporter's
 * name, phone, national ID and e-mail, after the audit entry is written: a failed audit answers 503 and
 * not one byte of the file (PDPA s.37).
 */
export async function exportCases(
  db: Firestore,
  auth: Auth,
  req: Pick<Request, 'get' | 'url'>,
  res: Response,
  writeAudit: WriteRevealAudit = writeRevealAudit,
  pageSize: number = EXPORT_PAGE_SIZE,
): Promise<void> {
  let caller: StaffCaller;
  const params = new URLSearchParams(req.url.split('?')[1] ?? '');
  const filters = filtersFromSearch(params.toString(), municipality);
  const personal = params.get('personal') === '1';
  try {
    caller = await callerOf(db, auth, req);
    if (personal) {
      if (caller.role !== 'admin') throw new HttpsError('permission-denied', REPORT_MESSAGES.adminsOnly);
      const reason = params.get('reason');
      if (!isRevealReason(reason)) throw new HttpsError('invalid-argument', DESK_MESSAGES.badReason);
      await auditOrRefuse(db, writeAudit, {
        kind: 'export',
        staffUid: caller.uid,
        staffEmail: caller.email,
        caseIds: [],
        trackingNos: [],
        fields: ['name', 'phone', 'nationalId', 'email'],
        reason,
        filter: searchFromFilters(filters),
      });
    }
  } catch (err) {
    refuse(res, err);
    return;
  }

  const staff = await db.collection(COLLECTIONS.staff).get();
  const names = new Map(staff.docs.map((d) => [d.id, String(d.get('displayName'))]));
  const row = caseCsvRowFactory(municipality, new Date());
  res.status(200);
  res.set('content-type', 'text/csv; charset=utf-8');
  res.set('content-disposition', `attachment; filename="${exportFileName(filters.from, filters.to, personal)}"`);
  res.set('cache-control', 'no-store');
  res.write(CSV_BOM + csvLine(CASE_CSV_HEADER));

  let after: DocumentSnapshot | null = null;
  let rows = 0;
  try {
    for (;;) {
      const base = casesQuery(db, filters, caller, pageSize);
      const page = await (after ? base.startAfter(after) : base).get();
      if (page.empty) break;
      const figures = await db.getAll(...page.docs.map((d) => db.collection(COLLECTIONS.caseFigures).doc(d.id)));
      const reporters = personal ? await db.getAll(...page.docs.map((d) => db.doc(privateReporterPath(d.id)))) : [];
      let chunk = '';
      page.docs.forEach((d, i) => {
        const createdAt = toDate(d.get('createdAt')) ?? new Date(0);
        const r = reporters[i];
        const reporter: CsvReporter | null = personal
          ? {
              name: String(r?.get('name') ?? ''),
              phone: String(r?.get('phone') ?? ''),
              nationalId: String(r?.get('nationalId') ?? ''),
              email: (r?.get('email') as string | undefined) ?? null,
            }
          : null;
        const assignee = d.get('assigneeUid') as string | null | undefined;
        const rating = d.get('feedback.rating') as number | undefined; // decision 018
        chunk += csvLine(
          row(
            {
              trackingNo: (d.get('trackingNo') as string | undefined) ?? null,
              createdAt,
              kind: String(d.get('kind')),
              category: String(d.get('category')),
              department: (d.get('department') as string | null | undefined) ?? null,
              status: String(d.get('status')),
              closedAt: toDate(d.get('closedAt')),
              assigneeName: assignee ? (names.get(assignee) ?? assignee) : null,
              rating: typeof rating === 'number' ? rating : null,
              heardWithin15: figures[i]?.get('counted.heardWithin15') === true,
              subject: String(d.get('subject') ?? ''),
              fiscalYear: fiscalYearOf(createdAt),
            },
            reporter,
          ),
        );
      });
      res.write(chunk);
      rows += page.size;
      if (page.size < pageSize) break;
      after = page.docs.at(-1)!;
    }
    res.end();
    logger.info('cases exported', { staffUid: caller.uid, personal, rows });
  } catch (err) {
    // Headers are gone: cut the response so the desk sees a broken download, never a short file that looks whole.
    logger.error('case export failed mid-way', { staffUid: caller.uid, rows, error: String(err) });
    res.destroy(err as Error);
  }
}
