import { STATUSES, type Status } from './statuses.ts';

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
  categories: { id: string; labelTh: string }[];
  departments: { id: string; labelTh: string }[];
  notifications: {
    /** The receipt costs one push from the monthly quota per case; a municipality on the free plan may switch it off. */
    receipt: boolean;
    /** Status changes that push a LINE message to the citizen. */
    statuses: Status[];
  };
  privacyNotice: {
    version: string;
    titleTh: string;
    sections: { headingTh: string; bodyTh: string }[];
  };
  retentionDays: number;
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
  checkList(raw, 'privacyNotice.sections', problems, ['headingTh', 'bodyTh']);
  const retention = get(raw, 'retentionDays');
  if (typeof retention !== 'number' || !Number.isInteger(retention) || retention < 30)
    problems.push('retentionDays must be a whole number of days, at least 30');
  if (problems.length > 0) throw new ConfigError(problems);
  return raw as MunicipalityConfig;
}
