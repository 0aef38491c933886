import { STATUS_LABELS_TH, type Status } from '@banmae/domain';
import s from './case.module.css';
import { config } from '../env.ts';
import { ui } from '../ui/Field.tsx';

/** What the citizen will receive, read before the write: a status message cannot be taken back. */
export function StatusConfirm({ to, note, busy, onConfirm, onBack }: { to: Status; note: string; busy: boolean; onConfirm: () => void; onBack: () => void }) {
  const notifies = config.notifications.statuses.includes(to);
  return (
    <div class={s.confirm} data-testid="status-confirm">
      <p>
        <strong>ยืนยันการเปลี่ยนสถานะเป็น "{STATUS_LABELS_TH[to]}"</strong>
      </p>
      {notifies ? (
        <>
          <p>ผู้แจ้งจะได้รับข้อความทาง LINE ว่า:</p>
          <blockquote class={s.preview}>
            สถานะ: {STATUS_LABELS_TH[to]}
            {note.trim() && (
              <>
                <br />
                {note.trim()}
              </>
            )}
          </blockquote>
        </>
      ) : (
        <p>สถานะนี้ไม่ส่งข้อความ LINE ถึงผู้แจ้ง (ตามการตั้งค่าของเทศบาล) แต่ผู้แจ้งจะเห็นในหน้าติดตามสถานะ</p>
      )}
      <div class={s.actions}>
        <button type="button" class={ui.secondary} onClick={onBack} disabled={busy}>
          แก้ไข
        </button>
        <button type="button" class={ui.primary} onClick={onConfirm} disabled={busy}>
          {busy ? 'กำลังบันทึก…' : 'ยืนยันเปลี่ยนสถานะ'}
        </button>
      </div>
    </div>
  );
}
