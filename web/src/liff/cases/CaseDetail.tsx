import { formatThaiDateTime, KIND_LABELS_TH, STATUS_COLOURS, STATUS_LABELS_TH, feedbackSummaryTh, ADDITION_LABELS_TH } from '@banmae/domain';
import s from './cases.module.css';
import { ui } from '../ui/Field.tsx';
import { Header } from '../ui/Header.tsx';
import { StatusBadge } from '../ui/StatusBadge.tsx';
import { config } from '../env.ts';
import { getMyCase, getMyReporter, getTimeline, type TimelineStep } from '../data/cases.ts';
import { REFRESH_MS } from './refresh.ts';
import { useFreshData } from '../../shared/use-fresh-data.ts';
import { pageHref } from '../ui/links.ts';
import { feedbackOf, getAdditions, type Addition } from '../data/citizen-actions.ts';
import type { CaseActions as CaseActionsType } from './CaseActions.tsx';
import a from './case-actions.module.css';
import type { CasePhotos as CasePhotosType } from '../../shared/photos/CasePhotos.tsx';
import type { AdditionPhotos as AdditionPhotosType } from '../../shared/photos/PhotoGrid.tsx';
import { useCasePhotos } from '../../shared/photos/use-case-photos.ts';
import type { ShownPhoto } from '../../shared/photos/photo-docs.ts';
import { useState } from 'preact/hooks';
import type { FunctionComponent } from 'preact';
import type { CaseReporter as CaseReporterType } from './CaseReporter.tsx';
import { useLazy } from '../ui/use-lazy.ts';
import { db } from '../boot/firebase-client.ts';

function NotFound() {
  return (
    <>
      <Header title="ไม่พบเรื่องนี้" />
      <div class={s.empty}>
        <p>ไม่พบเรื่องที่ท่านต้องการ เรื่องนี้อาจไม่ใช่เรื่องที่ท่านแจ้งไว้ หรือลิงก์ไม่ถูกต้อง</p>
        <a class={ui.secondary} href={pageHref('/cases')}>
          ดูเรื่องของฉันทั้งหมด
        </a>
      </div>
    </>
  );
}

interface TimelineProps {
  steps: TimelineStep[];
  additions: Addition[];
  photos: readonly ShownPhoto[] | null;
  AdditionPhotos: FunctionComponent<Props<typeof AdditionPhotosType>> | null;
}

/** Status steps and what the citizen added (decision 018) with its photos, in time order. */
function Timeline({ steps, additions, photos, AdditionPhotos }: TimelineProps) {
  type Item = { at: Date; step?: TimelineStep; add?: Addition };
  const items: Item[] = [...steps.map((step) => ({ at: step.at, step })), ...additions.map((add) => ({ at: add.at, add }))].sort(
    (x, y) => x.at.getTime() - y.at.getTime(),
  );
  return (
    <section class={s.block}>
      <h3>ขั้นตอนการดำเนินการ</h3>
      <ol class={s.timeline} data-testid="timeline">
        {items.map(({ step, add }) =>
          add ? (
            <li class={s.step} key={add.id} data-testid="addition">
              <span class={s.dot} style={{ background: '#8a8a8a' }} aria-hidden="true" />
              <div class={s.stepLabel}>{ADDITION_LABELS_TH[add.via]}</div>
              <div class={s.stepTime}>{formatThaiDateTime(add.at)}</div>
              <p class={`${s.stepNote} ${a.addition}`}>{add.text}</p>
              {AdditionPhotos && <AdditionPhotos photos={photos} additionId={add.id} />}
            </li>
          ) : (
            step && (
              <li class={s.step} key={step.id}>
                <span class={s.dot} style={{ background: step.status ? STATUS_COLOURS[step.status] : '#999' }} aria-hidden="true" />
                <div class={s.stepLabel}>{step.status ? STATUS_LABELS_TH[step.status] : 'กำลังตรวจสอบ'}</div>
                <div class={s.stepTime}>{formatThaiDateTime(step.at)}</div>
                {step.note && <p class={s.stepNote}>{step.note}</p>}
              </li>
            )
          ),
        )}
      </ol>
    </section>
  );
}

const categoryLabel = (id: string) => config.categories.find((c) => c.id === id)?.labelTh ?? id;

/** One case: its details and every step of its timeline, refreshed while the page is open. */
type Props<C> = C extends (props: infer P) => unknown ? P : never;

export function CaseDetail({ signIn, caseId }: { signIn: () => Promise<string>; caseId: string }) {
  // Photos, the owner's actions and the reporter's (masked) details come after the case itself: their
  // code loads beside the data, outside the page's 80 KB before data (issue 11).
  const CasePhotos = useLazy<Props<typeof CasePhotosType>>(() => import('../../shared/photos/CasePhotos.tsx').then((m) => m.CasePhotos));
  const CaseActions = useLazy<Props<typeof CaseActionsType>>(() => import('./CaseActions.tsx').then((m) => m.CaseActions));
  const CaseReporter = useLazy<Props<typeof CaseReporterType>>(() => import('./CaseReporter.tsx').then((m) => m.CaseReporter));
  const AdditionPhotos = useLazy<Props<typeof AdditionPhotosType>>(() => import('../../shared/photos/PhotoGrid.tsx').then((m) => m.AdditionPhotos));
  const { data, error, refresh } = useFreshData(
    async () => {
      const uid = await signIn();
      const c = await getMyCase(caseId);
      if (!c) return null;
      const [steps, reporter, additions] = await Promise.all([getTimeline(caseId), getMyReporter(caseId), getAdditions(caseId)]);
      return { c, steps, reporter, additions, uid };
    },
    REFRESH_MS,
    [signIn, caseId],
  );
  // Photos are read once per status, per added information, and after the owner's own addition (its
  // photos are stored after its text, so a refresh in between may have seen the text alone).
  const [photoRound, setPhotoRound] = useState(0);
  const photos = useCasePhotos(db, caseId, data ? `${data.c.status}|${data.additions.map((x) => x.id).join(',')}|${photoRound}` : null);
  const changed = async () => {
    setPhotoRound((n) => n + 1);
    await refresh();
  };
  if (data === null) return <NotFound />;
  if (!data) {
    return (
      <>
        <Header title="รายละเอียดเรื่อง" />
        {error ? (
          <p class={`${ui.banner} ${ui.bannerError}`} role="alert" style={{ margin: '16px' }}>
            โหลดข้อมูลไม่สำเร็จ กรุณาตรวจสอบการเชื่อมต่ออินเทอร์เน็ต ระบบจะลองใหม่อัตโนมัติ
          </p>
        ) : (
          <p class="boot" role="status">
            กำลังโหลด…
          </p>
        )}
      </>
    );
  }
  const { c, steps, reporter, additions, uid } = data;
  const feedback = feedbackSummaryTh(feedbackOf((c as { feedback?: unknown }).feedback));
  return (
    <>
      <Header title="รายละเอียดเรื่อง" />
      <section class={s.summary}>
        <div class={s.top}>
          <span class={s.no} data-testid="tracking-no">
            {c.trackingNo ?? 'กำลังออกเลขที่'}
          </span>
          <StatusBadge status={c.status} large />
        </div>
        <h2>{c.subject}</h2>
        <p class={s.meta}>
          {KIND_LABELS_TH[c.kind]} · {categoryLabel(c.category)} · แจ้งเมื่อ {formatThaiDateTime(c.createdAt)}
        </p>
        <p class={s.details}>{c.details}</p>
        {c.status === 'done' && <p class={s.doneBanner}>ดำเนินการแล้วเสร็จ</p>}
        {feedback && (
          <p class={a.feedback} data-testid="feedback">
            {feedback}
          </p>
        )}
      </section>
      {CasePhotos && <CasePhotos {...photos} blockClass={s.block} />}
      {CaseActions && <CaseActions caseId={c.id} owner={uid} status={c.status} onChanged={changed} />}
      <Timeline steps={steps} additions={additions} photos={photos.photos} AdditionPhotos={AdditionPhotos} />
      {reporter && CaseReporter && <CaseReporter r={reporter} />}
      <div class={ui.page}>
        <a class={ui.secondary} href={pageHref('/cases')}>
          ดูเรื่องของฉันทั้งหมด
        </a>
      </div>
    </>
  );
}
