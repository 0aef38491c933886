import { describe, expect, it } from 'vitest';
import { type FeedbackAction, feedbackPostbackData, newFeedbackToken, parseFeedbackPostback, sameToken } from './feedback-postback.ts';

const caseId = 'AbCdEfGhIjKlMnOpQrSt';

describe('feedback postback data', () => {
  it('round-trips every answer within LINE’s 300 characters', () => {
    const token = newFeedbackToken();
    const actions: FeedbackAction[] = [
      { kind: 'fixed' },
      { kind: 'not_fixed' },
      ...([1, 2, 3, 4, 5] as const).map((rating) => ({ kind: 'rate' as const, rating })),
    ];
    for (const action of actions) {
      const data = feedbackPostbackData({ action, caseId, token });
      expect(data.length).toBeLessThanOrEqual(300);
      expect(parseFeedbackPostback(data)).toEqual({ action, caseId, token });
    }
  });
  it('makes a new unguessable token each time', () => {
    const a = newFeedbackToken();
    expect(a).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(newFeedbackToken()).not.toBe(a);
  });
  it.each([
    ['empty', ''],
    ['another version', `fb2|f|${caseId}|${'A'.repeat(22)}`],
    ['a rating of 0', `fb1|r0|${caseId}|${'A'.repeat(22)}`],
    ['a rating of 6', `fb1|r6|${caseId}|${'A'.repeat(22)}`],
    ['a rating of 10', `fb1|r10|${caseId}|${'A'.repeat(22)}`],
    ['an unknown answer', `fb1|x|${caseId}|${'A'.repeat(22)}`],
    ['a short token', `fb1|f|${caseId}|abc`],
    ['a path in the case ID', `fb1|f|a/b|${'A'.repeat(22)}`],
    ['an extra field', `fb1|f|${caseId}|${'A'.repeat(22)}|x`],
    ['too long', `fb1|f|${caseId}|${'A'.repeat(400)}`],
    ['not a string', 42],
  ])('refuses %s', (_, data) => expect(parseFeedbackPostback(data)).toBeNull());
  it('compares tokens exactly', () => {
    const t = newFeedbackToken();
    expect(sameToken(t, t)).toBe(true);
    expect(sameToken(t, newFeedbackToken())).toBe(false);
    expect(sameToken(undefined, t)).toBe(false);
  });
});
