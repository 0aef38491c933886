import { addDoc, collection, doc, getDoc, runTransaction, serverTimestamp, type Transaction } from 'firebase/firestore/lite';
import { COLLECTIONS, DESK_MESSAGES, deskEditRecord, type DeskEdit, type Status } from '@banmae/domain';
import { db } from '../boot/firebase-client.ts';
import { guarded, isPermissionDenied, staffUid } from '../boot/staff-session.ts';
import { versionOf, type DeskCase } from './desk-case.ts';
import type { CompressedPhoto } from '../../shared/photos/compress-photo.ts';
import { newAfterPhotoId, savePhotoIn } from '../../shared/photos/photo-docs.ts';

/**
 * The desk's writes, exactly the fields firestore.rules allow staff (staffEditOk): status with its
 * public note, department, assignee, always stamped with the server time and a new edit ID. Who made
 * the edit is not on the case (its owner reads it) but in the staff-only audit entry of that ID,
 * written in the same transaction (the rules require both and check the uid). Each is a transaction
 * that re-reads the case and refuses if its status or updatedAt moved since the clerk loaded it, so two
 * clerks never overwrite each other silently.
 */
export class ConflictError extends Error {
  constructor() {
    super('the case changed since it was loaded');
    this.name = 'ConflictError';
  }
}

async function changedSince(loaded: Pick<DeskCase, 'id' | 'version'>): Promise<boolean> {
  const now = await getDoc(doc(db, COLLECTIONS.complaints, loaded.id));
  return !now.exists() || versionOf(now.data()) !== loaded.version;
}

async function writeIfUnchanged(loaded: Pick<DeskCase, 'id' | 'version'>, edit: DeskEdit, alsoWrite?: (tx: Transaction) => void): Promise<void> {
  const uid = staffUid();
  const ref = doc(db, COLLECTIONS.complaints, loaded.id);
  const attempt = async () => {
    try {
      await runTransaction(db, async (tx) => {
        const now = await tx.get(ref);
        if (!now.exists() || versionOf(now.data()) !== loaded.version) throw new ConflictError();
        const audit = doc(collection(ref, COLLECTIONS.audit)); // a fresh auto-ID per attempt
        tx.update(ref, { ...edit, editId: audit.id, updatedAt: serverTimestamp() });
        tx.set(audit, { by: uid, at: serverTimestamp(), ...deskEditRecord(now.data(), edit) });
        alsoWrite?.(tx);
      });
    } catch (err) {
      // Firestore lite commits with an updateTime precondition, but the rules run first and judge the
      // write against the case as it is now: a move the other clerk's status makes illegal comes back
      // as permission-denied, not as a failed precondition. The case having changed is what happened.
      if (isPermissionDenied(err) && (await changedSince(loaded).catch(() => false))) throw new ConflictError();
      throw err;
    }
  };
  await guarded(attempt);
}

/**
 * The trigger adds the timeline step and sends the LINE message with this note. An "after" photo of a
 * case being closed as done is written in the same transaction, so the citizen's page, which reads the
 * photos again when the status changes, finds it there (the rules allow it only on a done case).
 */
export function changeStatus(loaded: Pick<DeskCase, 'id' | 'version'>, to: Status, publicNote: string, afterPhoto?: CompressedPhoto): Promise<void> {
  const note = publicNote.trim();
  const photo = to === 'done' ? afterPhoto : undefined;
  return writeIfUnchanged(
    loaded,
    { status: to, statusNote: note === '' ? null : note },
    photo && ((tx) => savePhotoIn(tx, db, loaded.id, newAfterPhotoId(db), 'after', photo)),
  );
}

/** Department and/or staff member; only the fields given are written (null clears one). */
export function assign(loaded: Pick<DeskCase, 'id' | 'version'>, change: { department?: string | null; assigneeUid?: string | null }): Promise<void> {
  return writeIfUnchanged(loaded, change);
}

/** Internal notes are append-only and never readable by the citizen (rules: notes/{id}). */
export async function addNote(caseId: string, text: string): Promise<void> {
  const by = staffUid();
  await guarded(() => addDoc(collection(db, COLLECTIONS.complaints, caseId, COLLECTIONS.notes), { text: text.trim(), by, createdAt: serverTimestamp() }));
}

/** What the clerk reads when a write did not go through. */
export function writeErrorMessage(err: unknown): string {
  if (err instanceof ConflictError) return DESK_MESSAGES.conflict;
  const code = (err as { code?: unknown } | null)?.code;
  if (code === 'permission-denied') return 'บัญชีนี้ไม่มีสิทธิ์ทำรายการนี้ หรือข้อมูลไม่ถูกต้อง';
  return 'บันทึกไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ตแล้วลองใหม่';
}
