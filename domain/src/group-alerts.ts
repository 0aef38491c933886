import type { MunicipalityConfig } from './config.ts';

/**
 * Staff alerts in LINE groups (docs/decisions/020): the OA, added to a department's LINE group, posts a
 * card per new case of that department and a morning digest of its overdue cases.
 */
export const GROUP_COLLECTIONS = {
  /** lineGroups/{groupId}: a group the OA was added to (join event); admins link it to a department. */
  lineGroups: 'lineGroups',
  /** groupAlertSettings/{departmentId}: which alerts a department's groups get; admins write. */
  groupAlertSettings: 'groupAlertSettings',
  /** groupPushes/{id}: the outbox of every card and digest pushed to a group; functions write, staff read. */
  groupPushes: 'groupPushes',
} as const;

/** A LINE group ID: "C" and 32 lower-case hex digits (rooms are "R…", users "U…"). */
export const LINE_GROUP_ID = /^C[0-9a-f]{32}$/;

export function isLineGroupId(value: unknown): value is string {
  return typeof value === 'string' && LINE_GROUP_ID.test(value);
}

export interface LineGroup {
  /** `left` after a leave event (the OA was removed): nothing is pushed there and the link is cleared. */
  state: 'joined' | 'left';
  joinedAt: Date;
  leftAt: Date | null;
  /** The department whose alerts go to this group, or null until an admin links it. */
  departmentId: string | null;
  /** Event time of the last join or leave applied: an older event arriving late changes nothing. */
  lastEventAt: number;
  linkedBy?: string;
  linkedAt?: Date;
}

/** The only fields an admin changes on a group (firestore.rules checks the same list). */
export const GROUP_LINK_FIELDS = ['departmentId', 'linkedBy', 'linkedAt'] as const;

export interface GroupAlertSettings {
  /** A Flex card per new case of the department. */
  newCaseCards: boolean;
  /** The 08:00 digest of the department's overdue cases. */
  digest: boolean;
}

/** A department without a settings document gets both: linking a group is the admin's opt-in. */
export const DEFAULT_GROUP_ALERTS: GroupAlertSettings = { newCaseCards: true, digest: true };

/**
 * At this share of the month's message allowance a new case's card is skipped for departments that also
 * get the digest (the case appears there next morning when overdue, and on the desk at once).
 */
export const QUOTA_TIGHT_SHARE = 0.8;

export function quotaIsTight(q: { limit: number | null; used: number }): boolean {
  return q.limit !== null && q.limit > 0 && q.used >= q.limit * QUOTA_TIGHT_SHARE;
}

/** The department a case belongs to: the one staff set, else its category's first department (config). */
export function departmentOfCase(c: { department?: string | null; category: string }, config: Pick<MunicipalityConfig, 'categories'>): string | null {
  if (c.department) return c.department;
  return config.categories.find((k) => k.id === c.category)?.departmentId ?? null;
}

/** Outbox IDs: one card per case and group, one digest per group and Bangkok day. */
export const groupCardId = (caseId: string, groupId: string) => `card-${caseId}-${groupId}`;
export const groupDigestId = (bangkokDate: string, groupId: string) => `digest-${bangkokDate}-${groupId}`;
