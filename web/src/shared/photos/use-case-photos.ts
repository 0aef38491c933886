import { useEffect, useState } from 'preact/hooks';
import type { Firestore } from 'firebase/firestore/lite';
import type { ShownPhoto } from './photo-docs.ts';

export interface CasePhotosState {
  photos: ShownPhoto[] | null;
  failed: boolean;
}

/**
 * Every photo of a case, read in one go for the whole page: the filing's, staff's "after" and those
 * added with information, which the page shows in different places. Photos are large, so they are read
 * again only when `refreshKey` changes (null: not yet, the case itself is still loading). The reading
 * code is loaded with the first read, not with the page.
 */
export function useCasePhotos(db: Firestore, caseId: string, refreshKey: string | null): CasePhotosState {
  const [state, setState] = useState<CasePhotosState>({ photos: null, failed: false });
  useEffect(() => {
    if (refreshKey === null) return;
    let shown: ShownPhoto[] = [];
    let gone = false;
    import('./photo-docs.ts')
      .then((m) => m.listPhotos(db, caseId))
      .then((p) => {
        shown = p;
        if (gone) p.forEach((x) => URL.revokeObjectURL(x.url));
        else setState({ photos: p, failed: false });
      })
      .catch(() => !gone && setState((s) => ({ ...s, failed: true })));
    return () => {
      gone = true;
      shown.forEach((x) => URL.revokeObjectURL(x.url));
    };
  }, [db, caseId, refreshKey]);
  return state;
}
