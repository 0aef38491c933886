import { useEffect, useRef, useState } from 'preact/hooks';
import s from './form.module.css';
import { ui } from '../ui/Field.tsx';
import { Header } from '../ui/Header.tsx';
import { pageHref } from '../ui/links.ts';
import { receiptRequestText } from '@banmae/domain';

interface Props {
  caseId: string;
  /** Reading the case needs its owner signed in: after a reload this screen is the first page shown. */
  signIn: () => Promise<string>;
  onClose: () => void;
  /** Set when the form was opened from the OA's chat: the receipt then comes as the reply to the citizen's own message. */
  sayInChat: ((text: string) => Promise<void>) | null;
}

/** How long the number may take before the screen says where it will come instead (usually ~1 s). */
const SLOW_MS = 3000;

/**
 * The manual's "ส่งข้อมูลสำเร็จ!" with the tracking number the server assigns a moment later (longer in
 * a rush of filings): shown as soon as it exists; while it is still being issued the screen says so and
 * where the number will reach the citizen anyway. Opened from the OA's chat, it then says
 * "ส่งเรื่อง <number>" there for the citizen, and the OA answers with the receipt as a free reply
 * (docs/decisions/012); if that fails the server pushes the receipt instead.
 */
export function SuccessScreen({ caseId, signIn, onClose, sayInChat }: Props) {
  const [trackingNo, setTrackingNo] = useState<string | null>(null);
  const [slow, setSlow] = useState(false);
  const [saidInChat, setSaidInChat] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the heading so a screen reader announces the outcome (the form it came from is gone).
  useEffect(() => heading.current?.focus(), []);
  useEffect(() => {
    let live = true;
    let stop = () => undefined as void;
    const slowTimer = setTimeout(() => setSlow(true), SLOW_MS);
    const watch = (no: string) => {
      clearTimeout(slowTimer);
      setTrackingNo(no);
      if (!sayInChat) return;
      void sayInChat(receiptRequestText(no))
        .then(() => live && setSaidInChat(true))
        .catch((err: unknown) => console.warn('could not say the tracking number in the chat; the receipt will be pushed', err));
    };
    void Promise.all([signIn(), import('../data/complaints.ts')])
      .then(([, data]) => {
        if (live) stop = data.watchTrackingNo(caseId, watch);
      })
      .catch(() => live && setSlow(true)); // the number still reaches the citizen in LINE
    return () => {
      live = false;
      clearTimeout(slowTimer);
      stop();
    };
  }, [caseId]);

  return (
    <>
      <Header title="ส่งเรื่องแล้ว" />
      <section class={s.success}>
        <div class={s.tick} aria-hidden="true">
          ✓
        </div>
        <h2 ref={heading} tabIndex={-1} data-testid="success-heading">
          ส่งข้อมูลสำเร็จ!
        </h2>
        <p>เลขที่เรื่องของท่าน</p>
        <p class={s.trackingNo} data-testid="tracking-no" aria-live="polite">
          {trackingNo ?? 'กำลังออกเลขที่เรื่อง…'}
        </p>
        {!trackingNo && slow && (
          <p class={s.pending} data-testid="tracking-no-pending">
            ได้รับเรื่องแล้ว แต่เลขที่เรื่องยังออกไม่เสร็จ เลขจะขึ้นที่หน้านี้ และส่งถึงท่านทาง LINE ดูได้ที่ “เรื่องของฉัน” ในเมนู “ติดตามสถานะ” ด้วย
          </p>
        )}
        {saidInChat && <p data-testid="said-in-chat">ส่งเลขที่เรื่องเข้าห้องแชทแล้ว ใบรับเรื่องจะตอบกลับในแชท</p>}
        <h3 class={s.nextHeading}>ขั้นตอนต่อไป</h3>
        <ol class={s.next}>
          <li>เจ้าหน้าที่ตรวจสอบและรับเรื่อง แล้วส่งต่อให้กองที่รับผิดชอบ</li>
          <li>ทุกครั้งที่เรื่องคืบหน้า ท่านจะได้รับข้อความทาง LINE</li>
          <li>ดูขั้นตอนทั้งหมดได้ตลอดเวลาจากเมนู “ติดตามสถานะ”</li>
        </ol>
        <div class={s.actions}>
          <a class={ui.secondary} href={pageHref(`/cases/${caseId}`)}>
            ดูขั้นตอนของเรื่องนี้
          </a>
          <a class={ui.secondary} href={pageHref('/cases')}>
            เรื่องของฉัน
          </a>
          <button type="button" class={ui.primary} onClick={onClose}>
            ปิดหน้าต่าง
          </button>
        </div>
      </section>
    </>
  );
}
