import { useCallback } from 'preact/hooks';
import s from './case.module.css';
import { backToQueueHref, followLink } from '../boot/router.ts';
import { getCase, getNotes, getTimeline } from '../data/case-detail.ts';
import { ConflictError, writeErrorMessage } from '../data/case-writes.ts';
import { staffDirectory } from '../data/staff-directory.ts';
import { useFreshData } from '../../shared/use-fresh-data.ts';
import { Banner, ui } from '../ui/Field.tsx';
import { CaseSummary } from './CaseSummary.tsx';
import { StatusChange } from './StatusChange.tsx';
import { Assignment } from './Assignment.tsx';
import { ReporterBlock } from './ReporterBlock.tsx';
import { Timeline } from './Timeline.tsx';
import { CitizenInput } from './CitizenInput.tsx';
import { getAdditions } from '../data/citizen-additions.ts';
import { photosKey } from './photos-key.ts';
import { InternalNotes } from './InternalNotes.tsx';
import { CasePhotos } from '../../shared/photos/CasePhotos.tsx';
import { useCasePhotos } from '../../shared/photos/use-case-photos.ts';
import { db } from '../boot/firebase-client.ts';

export interface CaseViewProps {
  caseId: string;
  uid: string;
}

/** ~5 s while open: the new step and its LINE delivery state appear once the trigger has run. */
export const CASE_REFRESH_MS = 5_000;

/** Runs a write; on success or conflict reloads the case at once. Resolves with a Thai error, or null. */
export type RunWrite = (action: () => Promise<void>) => Promise<string | null>;

/** One case: what the citizen submitted, its timeline with deliveries, and everything staff do to it. */
export function CaseView({ caseId }: CaseViewProps) {
  const view = useFreshData(
    async () => {
      const c = await getCase(caseId);
      if (!c) return null;
      const [timeline, notes, directory, additions] = await Promise.all([getTimeline(caseId), getNotes(caseId), staffDirectory(), getAdditions(caseId)]);
      return { c, timeline, notes, directory, additions };
    },
    CASE_REFRESH_MS,
    [caseId],
  );
  const { refresh } = view;
  // All photos in one read, again when the case changes, information is added, or its photos may still be arriving.
  const photos = useCasePhotos(db, caseId, view.data ? photosKey(view.data.c.version, view.data.additions, Date.now()) : null);
  const run: RunWrite = useCallback(
    async (action) => {
      try {
        await action();
        await refresh();
        return null;
      } catch (err) {
        if (err instanceof ConflictError) await refresh();
        return writeErrorMessage(err);
      }
    },
    [refresh],
  );

  const back = (
    <a class={s.back} href={backToQueueHref()} onClick={followLink}>
      ← กลับไปที่รายการเรื่อง
    </a>
  );
  if (view.data === null)
    return (
      <main class={ui.page}>
        {back}
        <Banner kind="error">ไม่พบเรื่องนี้</Banner>
      </main>
    );
  if (!view.data)
    return (
      <main class={ui.page}>
        {back}
        {view.error ? <Banner kind="error">โหลดข้อมูลไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ต ระบบจะลองใหม่อัตโนมัติ</Banner> : <p class="boot">กำลังโหลด…</p>}
      </main>
    );

  const { c, timeline, notes, directory, additions } = view.data;
  return (
    <main class={ui.page}>
      {back}
      <div class={s.columns}>
        {/* On a phone the columns dissolve and `order` puts the clerk's main action right after the case. */}
        <div class={s.main}>
          <div style={{ order: 1 }}>
            <CaseSummary c={c} directory={directory} />
            <CasePhotos {...photos} blockClass={ui.card} />
          </div>
          <div style={{ order: 1 }}>
            <CitizenInput c={c} additions={additions} photos={photos.photos} />
          </div>
          <div style={{ order: 5 }}>
            <Timeline caseId={c.id} steps={timeline} onResent={refresh} />
          </div>
          <div style={{ order: 6 }}>
            <InternalNotes caseId={c.id} notes={notes} directory={directory} run={run} />
          </div>
        </div>
        <div class={s.side}>
          <div style={{ order: 2 }}>
            <StatusChange c={c} run={run} />
          </div>
          <div style={{ order: 3 }}>
            <Assignment c={c} directory={directory} run={run} />
          </div>
          <div style={{ order: 4 }}>
            <ReporterBlock c={c} />
          </div>
        </div>
      </div>
    </main>
  );
}
