import { useState } from 'preact/hooks';
import type { ShownPhoto } from './photo-docs.ts';
import s from './photos.module.css';

/** Thumbnails of some of a case's photos, each tapped to see it whole. `label` names the group to screen readers. */
export function PhotoGrid({ photos, label, testId }: { photos: readonly ShownPhoto[]; label: string; testId: string }) {
  const [open, setOpen] = useState<ShownPhoto | null>(null);
  if (photos.length === 0) return null;
  return (
    <>
      <ul class={s.grid} data-testid={testId}>
        {photos.map((p, i) => (
          <li key={p.id}>
            <button type="button" class={s.thumbButton} onClick={() => setOpen(p)} aria-label={`${label} รูปที่ ${i + 1} แตะเพื่อดูรูปใหญ่`}>
              <img class={s.thumb} src={p.url} width={p.width} height={p.height} alt="" />
            </button>
          </li>
        ))}
      </ul>
      {open && (
        <div class={s.viewer} role="dialog" aria-modal="true" aria-label="รูปภาพ">
          <img src={open.url} width={open.width} height={open.height} alt="" />
          <button type="button" class={s.close} onClick={() => setOpen(null)}>
            ปิด
          </button>
        </div>
      )}
    </>
  );
}

/** The photos that came with one piece of added information (decision 018), shown beside its text. */
export function AdditionPhotos({ photos, additionId }: { photos: readonly ShownPhoto[] | null; additionId: string }) {
  const mine = (photos ?? []).filter((p) => p.additionId === additionId);
  return <PhotoGrid photos={mine} label="รูปประกอบข้อมูลเพิ่มเติม" testId="addition-photos" />;
}
