import { describe, expect, it } from 'vitest';
import { filingLimitMessage, nextFilingCounter, type FilingCounter } from './filing-limit.ts';

const LIMITS = { casesPerHour: 2, casesPerDay: 3 };
const t0 = new Date('2026-11-26T03:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const counter = (over: Partial<FilingCounter> = {}): FilingCounter => ({ hourStart: t0, hourCount: 1, dayStart: t0, dayCount: 1, lastCaseId: 'a', ...over });

describe('nextFilingCounter', () => {
  it('starts both windows at server time on the first filing', () => {
    expect(nextFilingCounter(null, t0, LIMITS, 'c1')).toEqual({
      ok: true,
      next: { hourStart: 'server-time', hourCount: 1, dayStart: 'server-time', dayCount: 1, lastCaseId: 'c1' },
    });
  });

  it('counts up inside the windows', () => {
    expect(nextFilingCounter(counter(), at(10), LIMITS, 'c2')).toEqual({
      ok: true,
      next: { hourStart: t0, hourCount: 2, dayStart: t0, dayCount: 2, lastCaseId: 'c2' },
    });
  });

  it('refuses past the hourly limit, until the hour (plus a clock margin) is over', () => {
    const r = nextFilingCounter(counter({ hourCount: 2, dayCount: 2 }), at(30), LIMITS, 'c3');
    expect(r).toEqual({ ok: false, window: 'hour', retryAt: at(62) });
  });

  it('starts a new hour once the old one is over, still counting the day', () => {
    const r = nextFilingCounter(counter({ hourCount: 2, dayCount: 2 }), at(63), LIMITS, 'c3');
    expect(r).toEqual({ ok: true, next: { hourStart: 'server-time', hourCount: 1, dayStart: t0, dayCount: 3, lastCaseId: 'c3' } });
  });

  it('refuses past the daily limit even in a new hour', () => {
    const r = nextFilingCounter(counter({ hourCount: 1, dayCount: 3, hourStart: at(120) }), at(200), LIMITS, 'c4');
    expect(r).toEqual({ ok: false, window: 'day', retryAt: at(24 * 60 + 2) });
  });

  it('does not start a new window within the clock margin (the server may not agree yet)', () => {
    expect(nextFilingCounter(counter({ hourCount: 2, dayCount: 2 }), at(61), LIMITS, 'c3').ok).toBe(false);
  });
});

describe('filingLimitMessage', () => {
  it('says in Thai how many, until when, and whom to call', () => {
    const text = filingLimitMessage(
      { window: 'hour', retryAt: at(62) },
      { limits: { ...LIMITS, receiptPushesPerDay: 1, signInsPerClientPerMinute: 1 }, municipality: { phone: '053-000-000' } as never },
    );
    expect(text).toContain('ท่านส่งเรื่องครบ 2 เรื่องต่อชั่วโมงแล้ว');
    expect(text).toContain('11:02');
    expect(text).toContain('053-000-000');
  });
});
