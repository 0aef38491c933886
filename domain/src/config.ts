import { STAFF_STATUSES, STATUSES, type Status } from './statuses.ts';
import type { NoteTemplates } from './staff-desk.ts';
import { ACTION_URI, characters, checkRichMenu, RICH_MENU_LIMITS, richMenuDefinition, type MenuEntry, type RichMenuConfig } from './rich-menu.ts';

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
  /** The rich menu's entries in the manual's order (section 2); the follow greeting lists them too. */
  menu: MenuEntry[];
  richMenu: RichMenuConfig;
  /** The Flex reply to a follow or unblock: title, then the municipality's name, intro, one line per menu entry. */
  greeting: { titleTh: string; introTh: string; buttonLabelTh: string };
  /** The A4 add-friend poster staff hand out (manual step 1): a headline and the numbered steps. */
  poster: { headlineTh: string; stepsTh: string[]; logoFile?: string };
  /**
   * dueWorkingDays: the time allowed to close a case of this category, in working days (overdue after).
   * departmentId: the department a new case of this category goes to first (its LINE group is alerted).
   */
  categories: { id: string; labelTh: string; dueWorkingDays: number; departmentId?: string }[];
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
    /**
     * The short notice shown above the first personal field (PDPA s.23: told before collection):
     * purpose, legal basis, retention, recipients, in a few lines; `sections` is the full text.
     */
    summaryTh: string;
    sections: { headingTh: string; bodyTh: string }[];
  };
  retentionDays: number;
  /**
   * The citizen's answer to a "done" message (decision 018): "ยังไม่ได้แก้ไข" reopens the case within
   * this many days of it; later it explains how to file a new case, and a silent case is confirmed.
   */
  feedback: { reopenWindowDays: number };
  /** Public holidays (Bangkok dates), not counted as working days; the Cabinet announces them yearly. */
  holidays: { date: string; nameTh: string }[];
  desk: {
    /** The Hosting site's origin (https://<site>.web.app): LINE group alerts link to the desk at <siteUrl>/admin. */
    siteUrl: string;
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

/** Lengths (characters) that keep the greeting within LINE's 30 KB bubble with 20 entries, and a tile's label readable. */
export const FRONT_TEXT_MAX = { labelTh: 50, descriptionTh: 100, titleTh: 60, introTh: 300, headlineTh: 100 } as const;

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
/** lucide-static icon names: lower-case words joined by dashes. */
const ICON_NAME = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function checkMenu(raw: unknown, problems: string[]): void {
  checkList(raw, 'menu', problems, ['id', 'labelTh', 'descriptionTh', 'icon']);
  const menu = get(raw, 'menu');
  if (!Array.isArray(menu)) return;
  menu.forEach((m, i) => {
    const at = `menu[${i}]`;
    for (const f of ['labelTh', 'descriptionTh'] as const) {
      const v = get(m, f);
      if (typeof v === 'string' && characters(v) > FRONT_TEXT_MAX[f]) problems.push(`${at}.${f} must be at most ${FRONT_TEXT_MAX[f]} characters`);
    }
    const icon = get(m, 'icon');
    if (typeof icon === 'string' && !ICON_NAME.test(icon)) problems.push(`${at}.icon must be an icon name such as "megaphone"`);
    const short = get(m, 'shortLabelTh');
    const label = get(m, 'labelTh');
    if (short !== undefined && (typeof short !== 'string' || short.trim() === '' || characters(short) > RICH_MENU_LIMITS.actionLabelMax))
      problems.push(`${at}.shortLabelTh must be 1-${RICH_MENU_LIMITS.actionLabelMax} characters`);
    if (short === undefined && typeof label === 'string' && characters(label) > RICH_MENU_LIMITS.actionLabelMax)
      problems.push(
        `${at}.labelTh is over ${RICH_MENU_LIMITS.actionLabelMax} characters: add a shortLabelTh (LINE's action label) of at most ${RICH_MENU_LIMITS.actionLabelMax}`,
      );
    const type = get(m, 'action.type');
    if (type === 'uri') {
      const uri = get(m, 'action.uri');
      // Stricter than LINE (which also takes http, line and tel): every link the menu opens is https or a LINE link.
      if (typeof uri !== 'string' || !/^(https:\/\/|line:\/\/)/.test(uri) || !ACTION_URI.test(uri))
        problems.push(`${at}.action.uri must start with https:// or line://`);
    } else if (type === 'message') {
      nonEmptyString(get(m, 'action.text'), `${at}.action.text`, problems);
    } else problems.push(`${at}.action.type must be "uri" (opens a link) or "message" (sends its text in the chat)`);
  });
  const heights = RICH_MENU_LIMITS.heights as readonly unknown[];
  if (!heights.includes(get(raw, 'richMenu.height')))
    problems.push(`richMenu.height must be one of ${RICH_MENU_LIMITS.heights.join(', ')} (the image is 2500 wide)`);
  nonEmptyString(get(raw, 'richMenu.name'), 'richMenu.name', problems);
  nonEmptyString(get(raw, 'richMenu.chatBarTextTh'), 'richMenu.chatBarTextTh', problems);
  for (const c of ['background', 'tile', 'icon', 'label']) {
    const v = get(raw, `richMenu.colours.${c}`);
    if (typeof v !== 'string' || !HEX_COLOUR.test(v)) problems.push(`richMenu.colours.${c} must be a colour written #rrggbb`);
  }
  if (problems.length > 0) return; // LINE's checks below assume the fields above are well-formed
  const definition = richMenuDefinition(raw as { menu: MenuEntry[]; richMenu: RichMenuConfig });
  for (const d of checkRichMenu(definition)) {
    const area = /^areas\[(\d+)\]/.exec(d.property);
    const where = area ? `menu[${area[1]}] (${d.property})` : d.property === 'chatBarText' ? 'richMenu.chatBarTextTh' : `richMenu (${d.property})`;
    problems.push(`${where}: LINE would refuse the rich menu: ${d.message}`);
  }
}

function checkFront(raw: unknown, problems: string[]): void {
  for (const path of ['greeting.titleTh', 'greeting.introTh', 'greeting.buttonLabelTh', 'poster.headlineTh']) nonEmptyString(get(raw, path), path, problems);
  for (const [path, max] of [
    ['greeting.titleTh', FRONT_TEXT_MAX.titleTh],
    ['greeting.introTh', FRONT_TEXT_MAX.introTh],
    ['poster.headlineTh', FRONT_TEXT_MAX.headlineTh],
  ] as const) {
    const v = get(raw, path);
    if (typeof v === 'string' && characters(v) > max) problems.push(`${path} must be at most ${max} characters`);
  }
  const button = get(raw, 'greeting.buttonLabelTh');
  if (typeof button === 'string' && characters(button) > RICH_MENU_LIMITS.actionLabelMax)
    problems.push(`greeting.buttonLabelTh must be at most ${RICH_MENU_LIMITS.actionLabelMax} characters (LINE's button label)`);
  const steps = get(raw, 'poster.stepsTh');
  if (!Array.isArray(steps) || steps.length < 1 || steps.length > 5 || steps.some((s) => typeof s !== 'string' || s.trim() === '' || characters(s) > 80))
    problems.push('poster.stepsTh must be 1-5 steps of 1-80 characters');
  const logo = get(raw, 'poster.logoFile');
  if (logo !== undefined && (typeof logo !== 'string' || !/^[\w./-]+\.(png|jpe?g|svg)$/.test(logo) || logo.includes('..')))
    problems.push('poster.logoFile must be a PNG, JPEG or SVG file under config/, e.g. "logo.png"');
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
    'privacyNotice.summaryTh',
  ]) {
    nonEmptyString(get(raw, path), path, problems);
  }
  const prefix = get(raw, 'trackingPrefix');
  if (typeof prefix !== 'string' || !/^[A-Z]{1,6}$/.test(prefix)) problems.push('trackingPrefix must be 1-6 upper-case letters A-Z');
  const channelId = get(raw, 'line.lineLoginChannelId');
  if (typeof channelId === 'string' && !/^\d{10}$/.test(channelId)) problems.push('line.lineLoginChannelId must be the 10-digit LINE Login channel ID');
  const basicId = get(raw, 'line.oaBasicId');
  // The poster's QR code opens https://line.me/R/ti/p/<basic ID>: a wrong ID prints a poster to nowhere.
  if (typeof basicId !== 'string' || !/^@[a-z0-9._-]{3,20}$/.test(basicId))
    problems.push('line.oaBasicId must be the OA\'s basic or premium ID, e.g. "@banmae"');
  const liffId = get(raw, 'line.liffId');
  if (typeof liffId === 'string' && typeof channelId === 'string' && !liffId.startsWith(`${channelId}-`)) {
    problems.push('line.liffId must belong to line.lineLoginChannelId (a LIFF ID starts with its channel ID and a dash)');
  }
  checkMenu(raw, problems);
  checkFront(raw, problems);
  checkList(raw, 'categories', problems, ['id', 'labelTh']);
  checkList(raw, 'departments', problems, ['id', 'labelTh']);
  if (typeof get(raw, 'notifications.receipt') !== 'boolean') problems.push('notifications.receipt must be true or false');
  const statuses = get(raw, 'notifications.statuses');
  if (!Array.isArray(statuses) || statuses.some((s) => !(STAFF_STATUSES as readonly unknown[]).includes(s))) {
    // The citizen's own statuses are answered by reply or on the page, never pushed (decision 018).
    problems.push(`notifications.statuses must be a list of: ${STAFF_STATUSES.join(', ')}`);
  }
  const wholeNumber = (path: string, min: number, max: number) => {
    const v = get(raw, path);
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) problems.push(`${path} must be a whole number, ${min}-${max}`);
  };
  wholeNumber('notifications.receiptReplyWaitSeconds', 5, 50);
  wholeNumber('feedback.reopenWindowDays', 1, 90);
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
      const department = get(c, 'departmentId');
      const departments = get(raw, 'departments');
      if (department !== undefined && !(Array.isArray(departments) && departments.some((d) => get(d, 'id') === department)))
        problems.push(`categories[${i}].departmentId must be one of the departments' ids`);
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
  const site = get(raw, 'desk.siteUrl');
  if (typeof site !== 'string' || !/^https:\/\/[a-z0-9.-]+(:\d+)?$/i.test(site))
    problems.push('desk.siteUrl must be the site\'s https origin, e.g. "https://banmae.web.app"');
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
