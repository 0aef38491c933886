import { useEffect, useState } from 'preact/hooks';
import { compressPhoto, PhotoReadError, type CompressedPhoto } from '../../shared/photos/compress-photo.ts';
import s from '../../shared/photos/photos.module.css';
import { ui } from '../ui/Field.tsx';

/**
 * Staff's "after" photo when closing a case as done: resized and stripped of EXIF in the browser like
 * the citizen's (decision 019), written with the status change, shown to the citizen on their case page.
 */
export function AfterPhotoField({ photo, onChange }: { photo: CompressedPhoto | null; onChange: (p: CompressedPhoto | null) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<string | null>(null);

  useEffect(() => {
    if (!photo) return setPreview(null);
    const url = URL.createObjectURL(new Blob([photo.bytes as Uint8Array<ArrayBuffer>], { type: 'image/jpeg' }));
    setPreview(url);
    return () => URL.revokeObjectURL(url);
  }, [photo]);

  const pick = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setBusy(true);
    setError(null);
    try {
      onChange(await compressPhoto(file));
    } catch (err) {
      setError(err instanceof PhotoReadError ? err.thaiMessage : 'ย่อรูปไม่สำเร็จ กรุณาเลือกรูปอีกครั้ง');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class={ui.field}>
      <label class={ui.label} for="after-photo">
        รูปหลังดำเนินการ (ไม่บังคับ ผู้แจ้งจะเห็นรูปนี้)
      </label>
      {preview && (
        <div class={s.grid}>
          <img class={s.thumb} src={preview} alt="รูปหลังดำเนินการที่เลือก" />
          <button type="button" class={ui.quiet} onClick={() => onChange(null)}>
            ลบรูป
          </button>
        </div>
      )}
      {!photo && <input id="after-photo" type="file" accept="image/*,.heic,.heif" onChange={(e) => void pick(e)} disabled={busy} data-testid="after-photo" />}
      {busy && <p role="status">กำลังย่อขนาดรูป…</p>}
      {error && (
        <p class={ui.error} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
