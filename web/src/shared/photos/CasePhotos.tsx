import type { PhotoKind } from '@banmae/domain';
import type { CasePhotosState } from './use-case-photos.ts';
import { PhotoGrid } from './PhotoGrid.tsx';
import s from './photos.module.css';

const HEADINGS: Record<PhotoKind, string> = { reporter: 'รูปภาพจากผู้แจ้ง', after: 'รูปหลังดำเนินการ' };

interface Props extends CasePhotosState {
  /** Class of the surrounding block, so each app keeps its own card look. */
  blockClass?: string;
}

/**
 * A case's photos in groups (the citizen's with the filing, staff's "after"). Photos added later with
 * information are shown beside that information (AdditionPhotos), not here. Read by useCasePhotos.
 */
export function CasePhotos({ photos, failed, blockClass }: Props) {
  if (failed && !photos) return <p class={s.note}>โหลดรูปภาพไม่สำเร็จ</p>;
  const filed = (photos ?? []).filter((p) => p.additionId === null);
  if (filed.length === 0) return null;
  return (
    <section class={blockClass} data-testid="case-photos">
      {(['reporter', 'after'] as const).map((kind) => {
        const group = filed.filter((p) => p.kind === kind);
        if (group.length === 0) return null;
        return (
          <div key={kind}>
            <h3 class={s.heading}>{HEADINGS[kind]}</h3>
            <PhotoGrid photos={group} label={HEADINGS[kind]} testId={`photos-${kind}`} />
          </div>
        );
      })}
    </section>
  );
}
