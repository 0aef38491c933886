import { NO_INCIDENT, type IncidentParts } from '@banmae/domain';
import type { FormState } from './form-state.ts';

/**
 * The matter the citizen is describing (kind, category, subject, details, incident time), kept in
 * session storage until it is sent: LINE reloads the view when a call comes in. Never the personal
 * fields (a shared phone; they come back from the citizen's last case instead) nor the location.
 */
const KEY = 'banmae.matter-draft';
export type MatterDraft = Pick<FormState, 'kind' | 'category' | 'subject' | 'details' | 'incident'>;

export function matterOf(f: FormState): MatterDraft {
  return { kind: f.kind, category: f.category, subject: f.subject, details: f.details, incident: f.incident };
}

const text = (v: unknown, fallback: string) => (typeof v === 'string' ? v : fallback);

export function loadMatterDraft(): Partial<MatterDraft> {
  try {
    const raw = JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as Record<string, unknown> | null;
    if (!raw || typeof raw !== 'object') return {};
    const incident = (raw.incident ?? {}) as Record<string, unknown>;
    const parts = Object.fromEntries(Object.keys(NO_INCIDENT).map((k) => [k, text(incident[k], '')])) as unknown as IncidentParts;
    return {
      kind: text(raw.kind, 'complaint'),
      category: text(raw.category, ''),
      subject: text(raw.subject, ''),
      details: text(raw.details, ''),
      incident: parts,
    };
  } catch {
    return {}; // storage blocked or a stale shape: start empty
  }
}

export function saveMatterDraft(d: MatterDraft): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(d));
  } catch {
    // storage full or blocked: the draft is a convenience
  }
}

export function clearMatterDraft(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // as above
  }
}
