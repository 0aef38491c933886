import { useEffect, useState } from 'preact/hooks';
import s from './form.module.css';
import { ui } from '../ui/Field.tsx';
import { receiptRequestText } from '@banmae/domain';
import { watchTrackingNo } from '../data/complaints.ts';

interface Props {
  caseId: string;
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
export function SuccessScreen({ caseId, onClose, sayInChat }: Props) {
  const [trackingNo, setTrackingNo] = useState<string | null>(null);
  const [slow, setSlow] = useState(false);
  const [saidInChat, setSaidInChat] = useState(false);
  useEffect(() => {
    let live = true;
    const slowTimer = setTimeout(() => setSlow(true), SLOW_MS);
    const stop = watchTrackingNo(caseId, (no) => {
      clearTimeout(slowTimer);
      setTrackingNo(no);
      if (!sayInChat) return;
      void sayInChat(receiptRequestText(no))
        .then(() => live && setSaidInChat(true))
        .catch((err: unknown) => console.warn('could not say the tracking number in the chat; the receipt will be pushed', err));
    });
    return () => {
      live = false;
      clearTimeout(slowTimer);
      stop();
    };
  }, [caseId]);

  return (
    <section class={s.success} aria-live="polite">
      <div class={s.tick} aria-hidden="true">
        ✓
      </div>
      <h2>ส่งข้อมูลสำเร็จ!</h2>
      <p>เลขที่เรื่องของท่าน</p>
      <p class={s.trackingNo} data-testid="tracking-no">
        {trackingNo ?? 'กำลังออกเลขที่เรื่อง…'}
      </p>
      {!trackingNo && slow && (
        <p class={s.pending} data-testid="tracking-no-pending">
          ได้รับเรื่องแล้ว แต่เลขที่เรื่องยังออกไม่เสร็จ เลขจะขึ้นที่หน้านี้ และส่งถึงท่านทาง LINE ดูได้ที่ “เรื่องของฉัน” ในเมนู “ติดตามสถานะ” ด้วย
        </p>
      )}
      {saidInChat && <p data-testid="said-in-chat">ส่งเลขที่เรื่องเข้าห้องแชทแล้ว ใบรับเรื่องจะตอบกลับในแชท</p>}
      <p>เทศบาลจะแจ้งความคืบหน้าให้ท่านทราบทาง LINE และท่านติดตามสถานะได้จากเมนู “ติดตามสถานะ”</p>
      <div class={s.actions}>
        <a class={ui.secondary} href={`/cases/${caseId}`}>
          ดูสถานะเรื่องนี้
        </a>
        <button type="button" class={ui.primary} onClick={onClose}>
          ปิดหน้าต่าง
        </button>
      </div>
    </section>
  );
}
