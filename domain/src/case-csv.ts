import { KIND_LABELS_TH, type ComplaintKind } from './complaint-kinds.ts';
import { holidaySet, type MunicipalityConfig } from './config.ts';
import { durationTenths, formatTenths, HEARD_BACK_DAYS } from './case-figures.ts';
import { formatBeDate } from './fiscal-year.ts';
import { maskPersonalNumbers } from './mask-personal-numbers.ts';
import { formatNationalId } from './national-id.ts';
import { formatThaiPhone } from './thai-phone.ts';
import { isClosed, isStatus, STATUS_LABELS_TH } from './statuses.ts';
import { dueAt } from './working-days.ts';

/**
 * One CSV row per case, the same shape for the clerk's masked export and the admin's export with
 * personal data (functions/src/reports/export-cases.ts writes both). UTF-8 with a BOM and CRLF line ends
 * (RFC 4180): Excel on Windows opens it with the Thai intact. Dates are Bangkok dates in the Buddhist era.
 */
export const CSV_BOM = '\uFEFF';

export const CASE_CSV_HEADER = [
  'เลขที่เรื่อง',
  'วันที่รับเรื่อง',
  'ปีงบประมาณ',
  'ประเภท',
  'หมวดหมู่',
  'หน่วยงาน',
  'สถานะ',
  'วันที่ปิดเรื่อง',
  'จำนวนวัน',
  'เกินกำหนด',
  'ผู้รับผิดชอบ',
  'คะแนนความพึงพอใจ',
  `ได้รับข้อความ LINE ภายใน ${HEARD_BACK_DAYS} วัน`,
  'เรื่อง',
  'ชื่อผู้แจ้ง',
  'เบอร์โทรศัพท์',
  'เลขบัตรประชาชน',
  'อีเมล',
] as const;

/** What a masked row shows where personal data would be. */
export const MASKED = 'ปิดบัง';

export interface CsvCase {
  trackingNo: string | null;
  createdAt: Date;
  kind: string;
  category: string;
  department: string | null;
  status: string;
  closedAt: Date | null;
  assigneeName: string | null;
  /** 1–5 once citizens can rate a case; absent until then. */
  rating: number | null;
  heardWithin15: boolean;
  subject: string;
  fiscalYear: number;
}

export interface CsvReporter {
  name: string;
  phone: string;
  nationalId: string;
  email: string | null;
}

type LabelConfig = Pick<MunicipalityConfig, 'categories' | 'departments' | 'holidays'>;

/**
 * A value a spreadsheet cannot mistake for a formula: a citizen's subject starting with "=", "+", "-"
 * or "@" would otherwise run in the clerk's Excel (CSV injection), so it gets a leading apostrophe.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

/** Overdue: an open case past its due time now, or a closed one that was closed after it. */
function overdue(c: CsvCase, config: LabelConfig, holidays: ReadonlySet<string>, now: Date): boolean {
  const allowed = config.categories.find((k) => k.id === c.category)?.dueWorkingDays;
  if (allowed === undefined) return false;
  const due = dueAt(c.createdAt, allowed, holidays);
  const closed = isStatus(c.status) && isClosed(c.status) && c.closedAt;
  return (closed ? c.closedAt! : now).getTime() > due.getTime();
}

export function caseCsvRowFactory(config: LabelConfig, now: Date): (c: CsvCase, reporter: CsvReporter | null) => string[] {
  const holidays = holidaySet(config);
  const category = new Map(config.categories.map((k) => [k.id, k.labelTh]));
  const department = new Map(config.departments.map((d) => [d.id, d.labelTh]));
  return (c, reporter) => {
    const closed = isStatus(c.status) && isClosed(c.status) && c.closedAt ? c.closedAt : null;
    return [
      c.trackingNo ?? '',
      formatBeDate(c.createdAt),
      String(c.fiscalYear),
      KIND_LABELS_TH[c.kind as ComplaintKind] ?? c.kind,
      category.get(c.category) ?? c.category,
      c.department ? (department.get(c.department) ?? c.department) : '',
      isStatus(c.status) ? STATUS_LABELS_TH[c.status] : c.status,
      closed ? formatBeDate(closed) : '',
      formatTenths(durationTenths(c.createdAt, closed ?? now)),
      overdue(c, config, holidays, now) ? 'ใช่' : 'ไม่ใช่',
      c.assigneeName ?? '',
      c.rating === null ? '' : String(c.rating),
      c.heardWithin15 ? 'ใช่' : 'ไม่ใช่',
      reporter ? c.subject : maskPersonalNumbers(c.subject),
      reporter?.name ?? MASKED,
      // Grouped as printed ("081-234-5678", "1-1017-00230-70-8"): as bare digits Excel would read them as
      // numbers, dropping the phone's leading 0 and showing the ID as 1.10E+12.
      reporter ? formatThaiPhone(reporter.phone) : MASKED,
      reporter ? formatNationalId(reporter.nationalId) : MASKED,
      reporter ? (reporter.email ?? '') : MASKED,
    ];
  };
}

/** The file name the desk saves: cases-2570-masked.csv style, ASCII only. */
export function exportFileName(from: string | null, to: string | null, personal: boolean): string {
  const span = [from, to].filter(Boolean).join('_to_') || 'all';
  return `cases-${span}${personal ? '-personal' : ''}.csv`;
}

/** Parses this module's own CSV back into rows (tests and the bench read the export with it). */
export function parseCsv(text: string): string[][] {
  const body = text.startsWith(CSV_BOM) ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < body.length; i++) {
    const ch = body[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (body[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\r' && body[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += ch;
  }
  if (field !== '' || row.length) {
    endField();
    rows.push(row);
  }
  return rows;
}
