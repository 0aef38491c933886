import { FieldValue, Timestamp, type Firestore } from 'firebase-admin/firestore';
import type { messagingApi } from '@line/bot-sdk';
import { GROUP_COLLECTIONS } from '@banmae/domain';
import { pushWithRetry, type RetryPolicy } from '../line/push-with-retry.js';
import { retryKeyFor } from '../line/retry-key.js';

/** A run holds a push this long; a run that died mid-push leaves it to the next run after that. */
const LEASE_MS = 2 * 60_000;

export type GroupPushKind = 'card' | 'digest';

export interface GroupPush {
  /** groupPushes/{id}: groupCardId or groupDigestId (domain/group-alerts.ts). */
  id: string;
  kind: GroupPushKind;
  groupId: string;
  departmentId: string;
  caseId?: string;
  /** Digest: the cases it lists, so what was posted can be checked later. */
  caseIds?: string[];
  messages: messagingApi.Message[];
}

/** An attempt LINE may still have: the caller throws so the platform runs it again (same retry key). */
export class GroupPushUnsettled extends Error {
  constructor(id: string) {
    super(`group push ${id} not settled yet`);
    this.name = 'GroupPushUnsettled';
  }
}

/**
 * Pushes one message to a group exactly once (decisions 003, 014): the outbox document is taken in a
 * transaction with a lease, its X-Line-Retry-Key is derived from its ID, so a second run — a retried
 * trigger, a second scheduler run — either finds it settled or sends the same key (LINE answers 409
 * for one that arrived). Returns the state recorded, or null when another run has it or had it.
 */
export async function pushToGroupOnce(
  db: Firestore,
  client: Pick<messagingApi.MessagingApiClient, 'pushMessageWithHttpInfo'>,
  push: GroupPush,
  policy: RetryPolicy,
): Promise<'sent' | 'failed' | null> {
  const ref = db.collection(GROUP_COLLECTIONS.groupPushes).doc(push.id);
  const retryKey = retryKeyFor('group-push', push.id);
  const taken = await db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const now = Date.now();
    if (snap.exists) {
      const state = snap.get('state') as string;
      const leaseUntil = (snap.get('leaseUntil') as Timestamp | undefined)?.toMillis() ?? 0;
      if (state === 'sent' || state === 'failed' || state === 'skipped' || leaseUntil > now) return false;
      tx.update(ref, { leaseUntil: Timestamp.fromMillis(now + LEASE_MS) });
      return true;
    }
    tx.create(ref, {
      kind: push.kind,
      groupId: push.groupId,
      departmentId: push.departmentId,
      ...(push.caseId ? { caseId: push.caseId } : {}),
      ...(push.caseIds ? { caseIds: push.caseIds } : {}),
      state: 'pending',
      attempts: 0,
      retryKey,
      leaseUntil: Timestamp.fromMillis(now + LEASE_MS),
      createdAt: FieldValue.serverTimestamp(),
    });
    return true;
  });
  if (!taken) return null;
  const outcome = await pushWithRetry(client, { to: push.groupId, messages: push.messages }, retryKey, policy);
  const attempts = FieldValue.increment(outcome.attempts);
  if (outcome.state === 'sent') {
    await ref.update({ state: 'sent', attempts, requestId: outcome.requestId, settledAt: FieldValue.serverTimestamp(), leaseUntil: FieldValue.delete() });
    return 'sent';
  }
  if (outcome.state === 'failed') {
    // The status only: LINE's text can quote what was sent.
    await ref.update({ state: 'failed', attempts, lastStatus: outcome.status, settledAt: FieldValue.serverTimestamp(), leaseUntil: FieldValue.delete() });
    return 'failed';
  }
  // LINE may have it: free the lease so the platform's retry of this run can try again at once.
  await ref.update({ state: outcome.state, attempts, lastStatus: outcome.status, leaseUntil: Timestamp.fromMillis(0) });
  throw new GroupPushUnsettled(push.id);
}

/** Records a card the quota rule held back (decision 020): nothing is pushed, and the reason stays on record. */
export async function recordSkippedCard(db: Firestore, push: Omit<GroupPush, 'messages'>, quota: { limit: number | null; used: number }): Promise<void> {
  const ref = db.collection(GROUP_COLLECTIONS.groupPushes).doc(push.id);
  await ref
    .create({
      kind: push.kind,
      groupId: push.groupId,
      departmentId: push.departmentId,
      ...(push.caseId ? { caseId: push.caseId } : {}),
      state: 'skipped',
      reason: 'quota_tight',
      quotaUsed: quota.used,
      quotaLimit: quota.limit,
      createdAt: FieldValue.serverTimestamp(),
      settledAt: FieldValue.serverTimestamp(),
    })
    .catch((err: unknown) => {
      if ((err as { code?: number }).code !== 6) throw err; // ALREADY_EXISTS: an earlier run decided
    });
}
