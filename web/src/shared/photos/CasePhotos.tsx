import { useEffect, useState } from 'preact/hooks';
import type { Firestore } from 'firebase/firestore/lite';
import type { PhotoKind } from '@banmae/domain';
import { listPhotos, type ShownPhoto } from './photo-docs.ts';
import s from './photos.module.css';

const HEADINGS: Record<PhotoKind, string> = { reporter: 'รูปภาพจากผู้แจ้ง', after: 'รูปหลังดำเนินการ' };

interface Props {
  db: Firestore;
  caseId: string;
  /**
   * Photos are large, so they are read once, not with every refresh of the page: again only when this
   * changes (the case's status; staff's "after" photo is written with the status change to done).
   */
  refreshKey: string;
  /** Class of the surrounding block, so each app keeps its own card look. */
  blockClass?: string;
}

/** A case's photos in groups (citizen's, staff's "after"), each tapped to see it whole. */
export function CasePhotos({ db, caseId, refreshKey, blockClass }: Props) {
  const [photos, setPhotos] = useState<ShownPhoto[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState<ShownPhoto | null>(null);

  useEffect(() => {
    let shown: ShownPhoto[] = [];
    let gone = false;
    listPhotos(db, caseId)
      .then((p) => {
        shown = p;
        if (gone) p.forEach((x) => URL.revokeObjectURL(x.url));
        else {
          setPhotos(p);
          setFailed(false);
        }
      })
      .catch(() => !gone && setFailed(true));
    return () => {
      gone = true;
      shown.forEach((x) => URL.revokeObjectURL(x.url));
    };
  }, [db, caseId, refreshKey]);

  if (failed && !photos) return <p class={s.note}>โหลดรูปภาพไม่สำเร็จ</p>;
  if (!photos || photos.length === 0) return null;
  return (
    <section class={blockClass} data-testid="case-photos">
      {(['reporter', 'after'] as const).map((kind) => {
        const group = photos.filter((p) => p.kind === kind);
        if (group.length === 0) return null;
        return (
          <div key={kind}>
            <h3 class={s.heading}>{HEADINGS[kind]}</h3>
            <ul class={s.grid} data-testid={`photos-${kind}`}>
              {group.map((p, i) => (
                <li key={p.id}>
                  <button type="button" class={s.thumbButton} onClick={() => setOpen(p)} aria-label={`${HEADINGS[kind]} รูปที่ ${i + 1} แตะเพื่อดูรูปใหญ่`}>
                    <img class={s.thumb} src={p.url} width={p.width} height={p.height} alt="" />
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
      {open && (
        <div class={s.viewer} role="dialog" aria-modal="true" aria-label="รูปภาพ">
          <img src={open.url} width={open.width} height={open.height} alt="" />
          <button type="button" class={s.close} onClick={() => setOpen(null)}>
            ปิด
          </button>
        </div>
      )}
    </section>
  );
}
