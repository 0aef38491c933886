import { describe, expect, it } from 'vitest';
import {
  canTransition,
  CITIZEN_STATUSES,
  isClosed,
  isExpectedTransition,
  isStatus,
  NEEDS_ATTENTION_STATUSES,
  STAFF_STATUSES,
  STATUS_LABELS_TH,
  STATUS_TRANSITIONS,
  STATUSES,
} from './statuses.ts';

describe('the status vocabulary', () => {
  it("keeps the manual's wording for a finished case", () => expect(STATUS_LABELS_TH.done).toBe('ดำเนินการแล้วเสร็จ'));
  it('has a Thai label and transitions for every status, and only known targets', () => {
    for (const s of STATUSES) {
      expect(STATUS_LABELS_TH[s]).toMatch(/[\u0E00-\u0E7F]/);
      for (const to of STATUS_TRANSITIONS[s]) expect(isStatus(to)).toBe(true);
    }
  });
  it('allows sensible moves and refuses odd ones', () => {
    expect(canTransition('received', 'accepted')).toBe(true);
    expect(canTransition('in_progress', 'done')).toBe(true);
    expect(canTransition('done', 'in_progress')).toBe(true); // reopened: "it is broken again"
    expect(canTransition('done', 'received')).toBe(false);
    expect(canTransition('rejected', 'done')).toBe(false);
    expect(canTransition('received', 'received')).toBe(false);
  });
  it('knows closed statuses and rejects unknown values', () => {
    expect(isClosed('done')).toBe(true);
    expect(isClosed('forwarded')).toBe(false);
    expect(isStatus('finished')).toBe(false);
    expect(isStatus(undefined)).toBe(false);
  });
});

describe("the citizen's statuses (decision 018)", () => {
  it('are never a clerk move, and never notify', () => {
    for (const from of STATUSES) for (const to of CITIZEN_STATUSES) expect(canTransition(from, to)).toBe(false);
    for (const s of CITIZEN_STATUSES) expect(STAFF_STATUSES).not.toContain(s);
  });
  it('are expected moves from where the citizen can make them, and only there', () => {
    expect(isExpectedTransition('received', 'cancelled')).toBe(true);
    expect(isExpectedTransition('accepted', 'cancelled')).toBe(false);
    expect(isExpectedTransition('done', 'reopened')).toBe(true);
    expect(isExpectedTransition('done', 'confirmed')).toBe(true);
    expect(isExpectedTransition('in_progress', 'confirmed')).toBe(false);
  });
  it('cancelled and confirmed close a case; reopened needs attention and is open', () => {
    expect(isClosed('cancelled')).toBe(true);
    expect(isClosed('confirmed')).toBe(true);
    expect(isClosed('reopened')).toBe(false);
    expect(NEEDS_ATTENTION_STATUSES).toContain('reopened');
  });
});
