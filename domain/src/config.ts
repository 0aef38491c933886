import { STATUSES, type Status } from './statuses.ts';
import type { NoteTemplates } from './staff-desk.ts';

/**
 * Everything that differs between municipalities. Another municipality runs the same code by editing
 * config/municipality.json only; code never branches on a municipality (STYLE.md).
 */
export interface MunicipalityConfig {
  municipality: { nameTh: string; nameEn: string; addressTh: string; phone: string; email: string };
  /** Upper-case letters before the year in tracking numbers: "BM" gives BM-2569-00042. */
  trackingPrefix: string;
  region: string;
  line: { liffId: string; lineLoginChannelId: string; oaBasicId: string };
  menu: { id: string; labelTh: string; url: string }[];
  /** dueWorkingDays: the time allowed to close a case of this category, in working days (overdue after). */
  categories: { id: string; labelTh: string; dueWorkingDays: number }[];
  departments: { id: string; labelTh: string }[];
  notifications: {
    /** The receipt costs one push from the monthly quota per case; a municipality on the free plan may switch it off. */
    receipt: boolean;
    /** Status changes that push a LINE message to the citizen. */
    statuses: Status[];
    /**
     * How long the receipt waits for the citizen's own "ส่งเรื่อง …" chat message (sent by the form inside
     * LINE), to answer it as a free reply; after that it is pushed (docs/decisions/012).
     */
    receiptReplyWaitSeconds: number;
  };
  /** What one citizen (one LINE account) or one client can cause (README "Security"). */
  limits: {
    /** New cases per LINE account per hour and per day, enforced by firestore.rules. */
    casesPerHour: number;
    casesPerDay: number;
    /** Receipts pushed (paid) to one citizen per day; past it the receipt is on the form's screen only. */
    receiptPushesPerDay: number;
    /** LIFF ID-token checks with LINE one client (IP) can cause per minute through lineAuth. */
    signInsPerClientPerMinute: number;
  };
  privacyNotice: {
    version: string;
    titleTh: string;
    sections: { headingTh: string; bodyTh: string }[];
  };
  retentionDays: number;
  /** Public holidays (Bangkok dates), not counted as working days; the Cabinet announces them yearly. */
  holidays: { date: string; nameTh: string }[];
  desk: {
    /** An OpenStreetMap-style tile URL ({z}/{x}/{y}); no API key. */
    mapTileUrl: string;
    mapAttribution: string;
    /** Public notes staff can pick when moving a case to each status. */
    noteTemplates: NoteTemplates;
  };
}

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`config/municipality.json is invalid:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigError';
  }
}

type Check = (value: unknown, path: string, problems: string[]) => void;

const nonEmptyString: Check = (v, path, problems) => {
  if (typeof v !== 'string' || v.trim() === '') problems.push(`${path} must be a non-empty string`);
};

function get(obj: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function checkList(raw: unknown, path: string, problems: string[], fields: string[]): void {
  const list = get(raw, path);
  if (!Array.isArray(list) || list.length === 0) {
    problems.push(`${path} must be a non-empty list`);
    return;
  }
  const ids = new Set<string>();
  list.forEach((item, i) => {
    for (const f of fields) nonEmptyString(get(item, f), `${path}[${i}].${f}`, problems);
    const id = get(item, 'id');
    if (typeof id === 'string') {
      if (!/^[a-z0-9_-]{1,40}$/.test(id)) problems.push(`${path}[${i}].id must match [a-z0-9_-]{1,40}`);
      if (ids.has(id)) problems.push(`${path}[${i}].id "${id}" is used twice`);
      ids.add(id);
    }
  });
}

/** Validates the config at start-up so a typo stops deployment with a message naming the field. */
export function parseMunicipalityConfig(raw: unknown): MunicipalityConfig {
  const problems: string[] = [];
  for (const path of [
    'municipality.nameTh',
    'municipality.nameEn',
    'region',
    'line.liffId',
    'line.lineLoginChannelId',
    'privacyNotice.version',
    'privacyNotice.titleTh',
  ]) {
    nonEmptyString(get(raw, path), path, problems);
  }
  const prefix = get(raw, 'trackingPrefix');
  if (typeof prefix !== 'string' || !/^[A-Z]{1,6}$/.test(prefix)) problems.push('trackingPrefix must be 1-6 upper-case letters A-Z');
  const channelId = get(raw, 'line.lineLoginChannelId');
  if (typeof channelId === 'string' && !/^\d{10}$/.test(channelId)) problems.push('line.lineLoginChannelId must be the 10-digit LINE Login channel ID');
  const liffId = get(raw, 'line.liffId');
  if (typeof liffId === 'string' && typeof channelId === 'string' && !liffId.startsWith(`${channelId}-`)) {
    problems.push('line.liffId must belong to line.lineLoginChannelId (a LIFF ID starts with its channel ID and a dash)');
  }
  checkList(raw, 'menu', problems, ['id', 'labelTh', 'url']);
  const menu = get(raw, 'menu');
  if (Array.isArray(menu)) {
    menu.forEach((m, i) => {
      const url = get(m, 'url');
      if (typeof url === 'string' && !/^https:\/\//.test(url)) problems.push(`menu[${i}].url must start with https://`);
    });
  }
  checkList(raw, 'categories', problems, ['id', 'labelTh']);
  checkList(raw, 'departments', problems, ['id', 'labelTh']);
  if (typeof get(raw, 'notifications.receipt') !== 'boolean') problems.push('notifications.receipt must be true or false');
  const statuses = get(raw, 'notifications.statuses');
  if (!Array.isArray(statuses) || statuses.some((s) => !(STATUSES as readonly unknown[]).includes(s))) {
    problems.push(`notifications.statuses must be a list of: ${STATUSES.join(', ')}`);
  }
  const wholeNumber = (path: string, min: number, max: number) => {
    const v = get(raw, path);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) problems.push(`${path} must be a whole number, ${min}-${max}`);
  };
  wholeNumber('notifications.receiptReplyWaitSeconds', 5, 50);
  wholeNumber('limits.casesPerHour', 1, 100);
  wholeNumber('limits.casesPerDay', 1, 1000);
  wholeNumber('limits.receiptPushesPerDay', 0, 1000);
  wholeNumber('limits.signInsPerClientPerMinute', 1, 10000);
  const perHour = get(raw, 'limits.casesPerHour');
  const perDay = get(raw, 'limits.casesPerDay');
  if (typeof perHour === 'number' && typeof perDay === 'number' && perHour > perDay)
    problems.push('limits.casesPerHour cannot be more than limits.casesPerDay');
  checkList(raw, 'privacyNotice.sections', problems, ['headingTh', 'bodyTh']);
  const categories = get(raw, 'categories');
  if (Array.isArray(categories)) {
    categories.forEach((c, i) => {
      const days = get(c, 'dueWorkingDays');
      if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 365)
        problems.push(`categories[${i}].dueWorkingDays must be a whole number of working days, 1-365`);
    });
  }
  const holidays = get(raw, 'holidays');
  if (!Array.isArray(holidays)) problems.push('holidays must be a list of { date: "YYYY-MM-DD", nameTh }');
  else {
    holidays.forEach((h, i) => {
      const date = get(h, 'date');
      if (typeof date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date)))
        problems.push(`holidays[${i}].date must be a date written YYYY-MM-DD`);
      nonEmptyString(get(h, 'nameTh'), `holidays[${i}].nameTh`, problems);
    });
  }
  const tiles = get(raw, 'desk.mapTileUrl');
  if (typeof tiles !== 'string' || !/^https:\/\/.*\{z\}.*\{x\}.*\{y\}/.test(tiles)) problems.push('desk.mapTileUrl must be an https URL with {z}, {x} and {y}');
  nonEmptyString(get(raw, 'desk.mapAttribution'), 'desk.mapAttribution', problems);
  const templates = get(raw, 'desk.noteTemplates');
  if (!templates || typeof templates !== 'object' || Array.isArray(templates)) problems.push('desk.noteTemplates must map statuses to lists of notes');
  else {
    for (const [status, notes] of Object.entries(templates)) {
      if (!(STATUSES as readonly string[]).includes(status)) problems.push(`desk.noteTemplates.${status} is not a status (${STATUSES.join(', ')})`);
      if (!Array.isArray(notes) || notes.some((n) => typeof n !== 'string' || n.trim() === '' || [...n].length > 1000))
        problems.push(`desk.noteTemplates.${status} must be a list of notes of 1-1000 characters`);
    }
  }
  const retention = get(raw, 'retentionDays');
  if (typeof retention !== 'number' || !Number.isInteger(retention) || retention < 30)
    problems.push('retentionDays must be a whole number of days, at least 30');
  if (problems.length > 0) throw new ConfigError(problems);
  return raw as MunicipalityConfig;
}

/** The holidays as a set of Bangkok dates, for working-day arithmetic (working-days.ts). */
export function holidaySet(config: Pick<MunicipalityConfig, 'holidays'>): ReadonlySet<string> {
  return new Set(config.holidays.map((h) => h.date));
}
