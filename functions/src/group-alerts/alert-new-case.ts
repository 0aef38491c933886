import type { Firestore, QueryDocumentSnapshot, Timestamp } from 'firebase-admin/firestore';
import type { messagingApi } from '@line/bot-sdk';
import * as logger from 'firebase-functions/logger';
import {
  DEFAULT_GROUP_ALERTS,
  departmentOfCase,
  dueAt,
  GROUP_COLLECTIONS,
  groupCardId,
  holidaySet,
  quotaIsTight,
  type GroupAlertSettings,
} from '@banmae/domain';
import { municipality } from '../municipality.js';
import type { RetryPolicy } from '../line/push-with-retry.js';
import { deskCaseUrl } from './desk-link.js';
import { pushToGroupOnce, recordSkippedCard, GroupPushUnsettled } from './group-push.js';
import { readMessageQuota } from '../line/message-quota.js';
import { newCaseCard } from './new-case-card.js';

type Client = Pick<messagingApi.MessagingApiClient, 'pushMessageWithHttpInfo' | 'getMessageQuota' | 'getMessageQuotaConsumption'>;

const holidays = holidaySet(municipality);

export async function alertSettings(db: Firestore, departmentId: string): Promise<GroupAlertSettings> {
  const snap = await db.collection(GROUP_COLLECTIONS.groupAlertSettings).doc(departmentId).get();
  return { ...DEFAULT_GROUP_ALERTS, ...(snap.data() as Partial<GroupAlertSettings> | undefined) };
}

/** The joined groups an admin linked to the department. */
export async function linkedGroups(db: Firestore, departmentId: string): Promise<string[]> {
  const snap = await db.collection(GROUP_COLLECTIONS.lineGroups).where('departmentId', '==', departmentId).get();
  return snap.docs.filter((d) => d.get('state') === 'joined').map((d) => d.id);
}

/**
 * A case just got its tracking number: post one card to each group linked to its department, when
 * that department's cards are on. Where the month's quota is tight (≥ 80 %) and the department also
 * gets the morning digest, the card is held back and the choice recorded (docs/decisions/020).
 * Idempotent: each card's outbox document decides whether it still has to go.
 */
export async function alertNewCase(db: Firestore, client: Client, snap: QueryDocumentSnapshot, policy: RetryPolicy): Promise<void> {
  const c = snap.data() as { trackingNo?: string; category: string; department?: string | null; subject: string; createdAt?: Timestamp };
  if (!c.trackingNo) return;
  const departmentId = departmentOfCase(c, municipality);
  if (!departmentId) return;
  const [groups, settings] = await Promise.all([linkedGroups(db, departmentId), alertSettings(db, departmentId)]);
  if (groups.length === 0 || !settings.newCaseCards) return;

  if (settings.digest) {
    const quota = await readMessageQuota(client);
    if (quota && quotaIsTight(quota)) {
      logger.info('new-case card held back: quota tight, the digest covers it', { caseId: snap.id, departmentId, ...quota });
      for (const groupId of groups)
        await recordSkippedCard(db, { id: groupCardId(snap.id, groupId), kind: 'card', groupId, departmentId, caseId: snap.id }, quota);
      return;
    }
  }

  const filedAt = c.createdAt?.toDate() ?? new Date();
  const category = municipality.categories.find((k) => k.id === c.category);
  const message = newCaseCard({
    trackingNo: c.trackingNo,
    categoryTh: category?.labelTh ?? c.category,
    departmentTh: municipality.departments.find((d) => d.id === departmentId)?.labelTh ?? departmentId,
    subject: c.subject,
    filedAt,
    dueAt: dueAt(filedAt, category?.dueWorkingDays ?? 0, holidays),
    deskUrl: deskCaseUrl(snap.id),
  });
  let unsettled: GroupPushUnsettled | null = null;
  for (const groupId of groups) {
    try {
      await pushToGroupOnce(
        db,
        client,
        { id: groupCardId(snap.id, groupId), kind: 'card', groupId, departmentId, caseId: snap.id, messages: [message] },
        policy,
      );
    } catch (err) {
      if (!(err instanceof GroupPushUnsettled)) throw err;
      unsettled = err; // the other groups still get theirs; this run is retried for the rest
    }
  }
  if (unsettled) throw unsettled;
}
