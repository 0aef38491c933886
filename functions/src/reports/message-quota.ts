import { HttpsError, type CallableRequest } from 'firebase-functions/v2/https';
import * as logger from 'firebase-functions/logger';
import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import type { messagingApi } from '@line/bot-sdk';
import { COLLECTIONS, monthKeyOf, monthStart, quotaLevel, REPORT_MESSAGES, type MessageQuotaResponse, type UndeliveredCase } from '@banmae/domain';
import { requireStaff } from '../staff/staff-caller.js';
import { fetchMessageQuota } from '../line/message-quota.js';

/** At most this many undelivered cases are listed: enough for a day's phoning, a bounded read. */
export const UNDELIVERED_LIST_MAX = 100;

let cached: { at: number; limit: number | null; used: number } | null = null;

export function forgetCachedQuota(): void {
  cached = null;
}

async function lineQuota(client: messagingApi.MessagingApiClient, now: number, cacheMs: number): Promise<{ at: number; limit: number | null; used: number }> {
  if (cached && now - cached.at >= 0 && now - cached.at < cacheMs) return cached;
  cached = { at: now, ...(await fetchMessageQuota(client)) };
  return cached;
}

/** The cases whose LINE message failed this month (collection-group index on deliveries: state, settledAt). */
async function undeliveredThisMonth(db: Firestore, month: string): Promise<UndeliveredCase[]> {
  const failed = await db
    .collectionGroup(COLLECTIONS.deliveries)
    .where('state', '==', 'failed')
    .where('settledAt', '>=', Timestamp.fromDate(monthStart(month)))
    .orderBy('settledAt', 'desc')
    .limit(UNDELIVERED_LIST_MAX)
    .get();
  const caseRefs = [...new Map(failed.docs.map((d) => [d.ref.parent.parent!.id, d.ref.parent.parent!])).values()];
  const cases = caseRefs.length ? await db.getAll(...caseRefs) : [];
  const byId = new Map(cases.map((c) => [c.id, c]));
  const seen = new Set<string>();
  const out: UndeliveredCase[] = [];
  for (const d of failed.docs) {
    const id = d.ref.parent.parent!.id;
    if (seen.has(id)) continue;
    seen.add(id);
    const c = byId.get(id);
    out.push({
      caseId: id,
      trackingNo: (c?.get('trackingNo') as string | undefined) ?? null,
      subject: String(c?.get('subject') ?? ''),
      atMs: (d.get('settledAt') as Timestamp).toMillis(),
      reason: (d.get('lastError') as string | null | undefined) ?? null,
    });
  }
  return out;
}

/**
 * The desk's quota card: this month's LINE allowance and usage (LINE's own figures, GET
 * /v2/bot/message/quota and /quota/consumption), our pushes split into receipts and status messages
 * (messageUsage/, kept when a delivery becomes sent), and once the allowance is gone, the cases whose
 * messages failed so staff can phone them. Staff only.
 */
export async function messageQuota(
  db: Firestore,
  request: Pick<CallableRequest, 'auth'>,
  client: () => Promise<messagingApi.MessagingApiClient>,
  { cacheMs, now = new Date() }: { cacheMs: number; now?: Date },
): Promise<MessageQuotaResponse> {
  await requireStaff(db, request);
  let line: { at: number; limit: number | null; used: number };
  try {
    line = await lineQuota(await client(), now.getTime(), cacheMs);
  } catch (err) {
    logger.error('LINE quota not available', { error: String(err) });
    throw new HttpsError('unavailable', REPORT_MESSAGES.quotaUnavailable);
  }
  const month = monthKeyOf(now);
  const usage = await db.collection(COLLECTIONS.messageUsage).doc(month).get();
  const level = quotaLevel(line.used, line.limit);
  return {
    limit: line.limit,
    used: line.used,
    level,
    fetchedAtMs: line.at,
    pushes: { receipt: Number(usage.get('receipt') ?? 0), status: Number(usage.get('status') ?? 0) },
    undelivered: level === 'exhausted' ? await undeliveredThisMonth(db, month) : null,
  };
}
