import { collection, getDocs } from 'firebase/firestore/lite';
import { COLLECTIONS, type StaffMember } from '@banmae/domain';
import { db } from '../boot/firebase-client.ts';
import { guarded } from '../boot/staff-session.ts';

/**
 * The staff directory (staff/{uid}, written by `npm run staff`): names for assignees and note authors,
 * and the active members a case can be assigned to. A few dozen documents, read once a few minutes.
 */
export type StaffDirectory = ReadonlyMap<string, StaffMember>;

const FRESH_MS = 5 * 60 * 1000;
let cached: { at: number; directory: Promise<StaffDirectory> } | null = null;

export function staffDirectory(): Promise<StaffDirectory> {
  if (cached && Date.now() - cached.at < FRESH_MS) return cached.directory;
  const directory = guarded(() => getDocs(collection(db, COLLECTIONS.staff))).then(
    (snap) => new Map(snap.docs.map((d) => [d.id, d.data() as StaffMember])) as StaffDirectory,
  );
  void directory.catch(() => (cached = null));
  cached = { at: Date.now(), directory };
  return directory;
}

export function staffName(directory: StaffDirectory | undefined, uid: string | null): string {
  if (!uid) return '';
  const m = directory?.get(uid);
  return m ? m.displayName || m.email : 'เจ้าหน้าที่ (ไม่พบชื่อ)';
}
