import { useEffect, useState } from 'preact/hooks';
import s from './form.module.css';
import { ui } from '../ui/Field.tsx';
import { waitForTrackingNo } from '../data/complaints.ts';

interface Props {
  caseId: string;
  onClose: () => void;
}

/** The manual's "ส่งข้อมูลสำเร็จ!" with the tracking number the server assigns a moment later. */
export function SuccessScreen({ caseId, onClose }: Props) {
  const [trackingNo, setTrackingNo] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void waitForTrackingNo(caseId).then((no) => live && setTrackingNo(no));
    return () => {
      live = false;
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
        {trackingNo === undefined ? 'กำลังออกเลขที่เรื่อง…' : (trackingNo ?? 'จะแจ้งให้ทราบทาง LINE')}
      </p>
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
