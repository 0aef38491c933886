import { useEffect, useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';

/**
 * The photo field's door into the form. Everything else about photos (resizing, EXIF stripping, the
 * thumbnail strip, sending) is in a chunk loaded after the form is on screen, so the form's first
 * download does not grow (decision 019). The form needs exactly two things: where the field goes, and
 * one call after the case is filed.
 */

/** Sending the photos failed (the case itself is filed): the photos stay in the form for the next tap. */
export class PhotoSendError extends Error {
  readonly thaiMessage = 'ส่งเรื่องแล้ว แต่ส่งรูปภาพไม่สำเร็จ เพราะการเชื่อมต่ออินเทอร์เน็ตขาดหาย รูปที่เลือกไว้ยังอยู่ครบ กรุณาตรวจสอบสัญญาณแล้วกด “ส่งข้อมูลผู้ร้องเรียน” อีกครั้ง';
  constructor(cause: unknown) {
    super('sending the photos failed', { cause });
  }
}

let loaded: Promise<FunctionComponent> | null = null;
const load = () => (loaded ??= import('./PhotoPicker.tsx').then((m) => m.FormPhotoPicker));

/** Where the photo field sits on the form; it appears as soon as its chunk has arrived. */
export function PhotoSlot() {
  const [Picker, setPicker] = useState<FunctionComponent | null>(null);
  useEffect(() => {
    void load().then((c) => setPicker(() => c));
  }, []);
  return Picker ? <Picker /> : null;
}

/** Stores the form's photos under the case just filed (no-op without photos). Throws PhotoSendError. */
export async function sendFormPhotos(caseId: string): Promise<void> {
  // Firebase is loaded beside the form, never in its first chunk (decision 016).
  const [{ formPhotos }, { db }] = await Promise.all([import('./photo-queue.ts'), import('../boot/firebase-client.ts')]);
  await formPhotos.send(db, caseId).catch((err: unknown) => {
    throw new PhotoSendError(err);
  });
}
