import { useEffect, useState } from 'preact/hooks';
import { formPhotos, type PhotoQueue, type QueueState } from './photo-queue.ts';
import ui from '../ui/ui.module.css';
import s from './photo-picker.module.css';

/**
 * Camera or gallery. `image/*` lets iPhones hand over HEIC photos as JPEG (iOS converts when the page
 * does not ask for HEIC); .heic/.heif are accepted too so a phone that sends them as they are is not
 * refused at the picker: if its browser cannot decode them, the citizen is told to pick another photo.
 */
const ACCEPT = 'image/*,.heic,.heif';

function useQueue(queue: PhotoQueue): QueueState {
  const [state, setState] = useState(queue.snapshot);
  useEffect(() => queue.subscribe(setState), [queue]);
  return state;
}

function filesOf(e: Event): File[] {
  const input = e.currentTarget as HTMLInputElement;
  const files = [...(input.files ?? [])];
  input.value = ''; // the same photo may be picked again after removing it
  return files;
}

/** Up to `queue.ids.length` photos: a thumbnail strip with remove buttons, progress while sending. */
export function PhotoPicker({ queue, label }: { queue: PhotoQueue; label: string }) {
  const state = useQueue(queue);
  const room = queue.capacity;
  const max = queue.ids.length;
  return (
    <div class={ui.field} data-testid="photo-field">
      <span class={ui.label}>
        {label} <span class={ui.optional}>(ไม่บังคับ ไม่เกิน {max} รูป)</span>
      </span>
      {state.photos.length > 0 && (
        <ul class={s.strip} aria-label="รูปที่เลือก">
          {state.photos.map((p, i) => (
            <li key={p.key} class={s.item}>
              <img src={p.preview} alt={`รูปที่ ${i + 1}`} class={s.thumb} />
              {p.sentAs === null ? (
                <button type="button" class={s.remove} onClick={() => queue.remove(p.key)} aria-label={`ลบรูปที่ ${i + 1}`} disabled={state.sending !== null}>
                  ×
                </button>
              ) : (
                <span class={s.sent} aria-label="ส่งแล้ว">
                  ✓
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {state.preparing > 0 && (
        <p class={s.status} role="status">
          กำลังย่อขนาดรูป…
        </p>
      )}
      {state.sending && (
        <div class={s.status} role="status" data-testid="photo-progress">
          <progress max={state.sending.total} value={state.sending.done} />
          <span>
            กำลังส่งรูป {Math.min(state.sending.done + 1, state.sending.total)} จาก {state.sending.total}
          </span>
        </div>
      )}
      {state.error && (
        <p class={s.error} role="alert">
          {state.error}
        </p>
      )}
      {room > 0 && state.sending === null && (
        <div class={s.buttons}>
          <label class={s.pick}>
            <input type="file" accept={ACCEPT} capture="environment" onChange={(e) => void queue.add(filesOf(e))} data-testid="photo-camera" />
            ถ่ายรูป
          </label>
          <label class={s.pick}>
            <input type="file" accept={ACCEPT} multiple onChange={(e) => void queue.add(filesOf(e))} data-testid="photo-gallery" />
            เลือกจากคลังรูป
          </label>
        </div>
      )}
      <p class={s.hint}>ระบบจะย่อขนาดรูปและลบข้อมูลตำแหน่ง (GPS) และข้อมูลอุปกรณ์ในรูปออกก่อนส่ง</p>
    </div>
  );
}

/** The complaint form's field (loaded lazily through PhotoSlot). */
export function FormPhotoPicker() {
  return <PhotoPicker queue={formPhotos} label="รูปภาพประกอบ" />;
}
