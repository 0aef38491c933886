import { Timestamp, type Firestore } from 'firebase-admin/firestore';
import type { webhook } from '@line/bot-sdk';
import { GROUP_COLLECTIONS, isLineGroupId } from '@banmae/domain';

/** Events from a group or a multi-person chat (room): staff's chats, not a citizen's. */
export function isGroupChatEvent(event: webhook.Event): boolean {
  const type = event.source?.type;
  return type === 'group' || type === 'room';
}

/**
 * The OA in staff's LINE groups (docs/decisions/020). A join records the group for an admin to link
 * to a department; a leave (the OA was removed) marks it left and clears the link, so nothing more is
 * pushed there. Events are applied by their own time: a late, older event changes nothing.
 * Everything else said in a group — staff's chatter — is ignored: the bot never answers in a group.
 */
export async function handleGroupEvent(event: webhook.Event, db: Firestore): Promise<boolean> {
  const source = event.source;
  if (source?.type !== 'group' || !isLineGroupId(source.groupId)) return false; // rooms cannot be linked
  if (event.type !== 'join' && event.type !== 'leave') return false;
  const ref = db.collection(GROUP_COLLECTIONS.lineGroups).doc(source.groupId);
  const at = Timestamp.fromMillis(event.timestamp);
  return db.runTransaction(async (tx) => {
    const snap = await tx.get(ref);
    const known = snap.get('lastEventAt') as number | undefined;
    if (known !== undefined && known > event.timestamp) return false;
    if (event.type === 'join') tx.set(ref, { state: 'joined', joinedAt: at, leftAt: null, departmentId: null, lastEventAt: event.timestamp });
    else tx.set(ref, { state: 'left', leftAt: at, departmentId: null, lastEventAt: event.timestamp }, { merge: true });
    return true;
  });
}
