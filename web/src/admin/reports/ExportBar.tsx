import { useState } from 'preact/hooks';
import type { StaffRole } from '@banmae/domain';
import s from './reports.module.css';
import { downloadCasesCsv } from '../data/reports.ts';
import { ReasonDialog } from '../ui/ReasonDialog.tsx';
import { Banner, ui } from '../ui/Field.tsx';

/**
 * "ส่งออก CSV" of the queue's current filter: masked for everyone; an admin may export with personal
 * data, giving a reason, and the function writes the audit entry before the file is sent.
 */
export function ExportBar({ search, role }: { search: string; role: StaffRole }) {
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  const run = async (personal: Parameters<typeof downloadCasesCsv>[1]): Promise<string | null> => {
    setBusy(true);
    setMessage(null);
    try {
      const { name } = await downloadCasesCsv(search, personal);
      setMessage({ kind: 'ok', text: `ดาวน์โหลดไฟล์ ${name} แล้ว` });
      return null;
    } catch (err) {
      const text = (err as Error).message;
      setMessage({ kind: 'error', text });
      return text;
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class={s.exportBar}>
      <button type="button" class={ui.secondary} disabled={busy} data-testid="export-csv" onClick={() => void run(null)}>
        ส่งออก CSV (ปิดบังข้อมูลส่วนบุคคล)
      </button>
      {role === 'admin' && (
        <button type="button" class={ui.secondary} disabled={busy} data-testid="export-csv-personal" onClick={() => setAsking(true)}>
          ส่งออกพร้อมข้อมูลส่วนบุคคล
        </button>
      )}
      {busy && <span class={ui.hint}>กำลังเตรียมไฟล์…</span>}
      {message && <Banner kind={message.kind}>{message.text}</Banner>}
      {asking && (
        <ReasonDialog title="ส่งออกพร้อมข้อมูลส่วนบุคคล" confirmLabel="บันทึกเหตุผลและส่งออก" onConfirm={(reason) => run({ reason })} onClose={() => setAsking(false)} />
      )}
    </div>
  );
}
