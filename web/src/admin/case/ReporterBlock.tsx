import { useState } from 'preact/hooks';
import {
  formatNationalId,
  formatThaiPhone,
  REVEAL_FIELD_LABELS_TH,
  REVEAL_REASON_LABELS_TH,
  type RevealField,
  type RevealReason,
  type RevealReporterResponse,
} from '@banmae/domain';
import s from './case.module.css';
import type { DeskCase } from '../data/desk-case.ts';
import { callableMessage, revealReporter } from '../data/staff-callables.ts';
import { ui } from '../ui/Field.tsx';
import { ReasonDialog } from '../ui/ReasonDialog.tsx';
import { LocationBlock } from './LocationBlock.tsx';

type ContactField = Exclude<RevealField, 'location'>;
const CONTACT_FIELDS: ContactField[] = ['name', 'nationalId', 'phone', 'email'];
const MASK = '••••••';

function shown(field: ContactField, r: RevealReporterResponse): string {
  const v = r[field];
  if (!v) return 'ไม่ได้ระบุ';
  if (field === 'nationalId') return formatNationalId(v);
  if (field === 'phone') return formatThaiPhone(v);
  return v;
}

/**
 * The reporter, masked. "แสดง" asks why, then revealReporter writes the audit entry and answers with
 * that one field; the value lives in this page's memory only and is gone when the clerk leaves.
 */
export function ReporterBlock({ c }: { c: DeskCase }) {
  const [revealed, setRevealed] = useState<Partial<Record<ContactField, RevealReporterResponse>>>({});
  const [asking, setAsking] = useState<ContactField | null>(null);
  const [recorded, setRecorded] = useState<{ field: RevealField; reason: RevealReason } | null>(null);

  const reveal = async (field: ContactField, reason: RevealReason): Promise<string | null> => {
    try {
      const r = await revealReporter({ caseId: c.id, fields: [field], reason });
      setRevealed((prev) => ({ ...prev, [field]: r }));
      setRecorded({ field, reason });
      return null;
    } catch (err) {
      return callableMessage(err);
    }
  };

  return (
    <section class={ui.card} aria-labelledby="reporter-title">
      <h2 id="reporter-title">ข้อมูลผู้แจ้ง</h2>
      <p class={ui.hint}>ข้อมูลส่วนบุคคลถูกซ่อนไว้ การกด "แสดง" จะถูกบันทึกว่าใครเปิดดู เมื่อใด และด้วยเหตุผลใด</p>
      <dl class={s.reporter}>
        {CONTACT_FIELDS.map((f) => {
          const r = revealed[f];
          return (
            <div class={s.reporterRow} key={f}>
              <dt>{REVEAL_FIELD_LABELS_TH[f]}</dt>
              <dd data-testid={`reporter-${f}`}>{r ? shown(f, r) : <span aria-label="ซ่อนไว้">{MASK}</span>}</dd>
              {!r && (
                <button type="button" class={ui.secondary} onClick={() => setAsking(f)} aria-label={`แสดง${REVEAL_FIELD_LABELS_TH[f]}`}>
                  แสดง
                </button>
              )}
            </div>
          );
        })}
      </dl>
      {recorded && (
        <p class={s.recorded} role="status" data-testid="reveal-recorded">
          บันทึกการเปิดดู{REVEAL_FIELD_LABELS_TH[recorded.field]}แล้ว (เหตุผล: {REVEAL_REASON_LABELS_TH[recorded.reason]})
        </p>
      )}
      {asking && (
        <ReasonDialog
          title={`แสดง${REVEAL_FIELD_LABELS_TH[asking]}ของผู้แจ้ง`}
          confirmLabel="แสดงข้อมูล"
          onConfirm={(reason) => reveal(asking, reason)}
          onClose={() => setAsking(null)}
        />
      )}
      {c.hasLocation && <LocationBlock caseId={c.id} onRecorded={(reason) => setRecorded({ field: 'location', reason })} />}
    </section>
  );
}
