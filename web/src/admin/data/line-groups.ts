import { collection, doc, getDocs, serverTimestamp, setDoc, updateDoc, type Timestamp } from 'firebase/firestore/lite';
import { DEFAULT_GROUP_ALERTS, GROUP_COLLECTIONS, type GroupAlertSettings } from '@banmae/domain';
import { db } from '../boot/firebase-client.ts';
import { guarded } from '../boot/staff-session.ts';

export interface GroupRow {
  id: string;
  state: 'joined' | 'left';
  joinedAt: Date;
  leftAt: Date | null;
  departmentId: string | null;
}

const toDate = (t: unknown) => (t as Timestamp | null | undefined)?.toDate() ?? null;

/** Every group the OA is or was in, joined first and newest first: a handful per municipality, read whole. */
export async function fetchGroups(): Promise<GroupRow[]> {
  const snap = await guarded(() => getDocs(collection(db, GROUP_COLLECTIONS.lineGroups)));
  const rows = snap.docs.map((d) => {
    const g = d.data();
    return {
      id: d.id,
      state: g.state as GroupRow['state'],
      joinedAt: toDate(g.joinedAt) ?? new Date(0),
      leftAt: toDate(g.leftAt),
      departmentId: (g.departmentId as string | null) ?? null,
    };
  });
  return rows.sort((a, b) => (a.state === b.state ? b.joinedAt.getTime() - a.joinedAt.getTime() : a.state === 'joined' ? -1 : 1));
}

/** Each configured department's switches (the defaults where an admin never changed them). */
export async function fetchAlertSettings(): Promise<Map<string, GroupAlertSettings>> {
  const snap = await guarded(() => getDocs(collection(db, GROUP_COLLECTIONS.groupAlertSettings)));
  return new Map(snap.docs.map((d) => [d.id, { ...DEFAULT_GROUP_ALERTS, ...(d.data() as Partial<GroupAlertSettings>) }]));
}

/** Links a joined group to a department (null: unlinks it); the rules accept these three fields from an admin. */
export function linkGroup(groupId: string, departmentId: string | null, uid: string): Promise<void> {
  return guarded(() => updateDoc(doc(db, GROUP_COLLECTIONS.lineGroups, groupId), { departmentId, linkedBy: uid, linkedAt: serverTimestamp() }));
}

export function saveAlertSettings(departmentId: string, settings: GroupAlertSettings, uid: string): Promise<void> {
  return guarded(() =>
    setDoc(doc(db, GROUP_COLLECTIONS.groupAlertSettings, departmentId), {
      newCaseCards: settings.newCaseCards,
      digest: settings.digest,
      updatedBy: uid,
      updatedAt: serverTimestamp(),
    }),
  );
}
