import { describe, expect, it } from 'vitest';
import { incidentYearsBE, parseIncident, NO_INCIDENT } from './incident-time.ts';

const NOW = new Date('2026-11-26T05:00:00Z'); // 26 พ.ย. 2569, 12:00 in Bangkok
const at = (day: string, month: string, yearBE: string, hour: string, minute: string) => parseIncident({ day, month, yearBE, hour, minute }, NOW);

describe('the incident date and time (Buddhist era, Bangkok time)', () => {
  it('is optional: all empty is no incident time', () => expect(parseIncident(NO_INCIDENT, NOW)).toEqual({ ok: true, value: null }));
  it('reads the parts as a Bangkok clock in the Buddhist era', () => {
    expect(at('25', '11', '2569', '22', '30')).toEqual({ ok: true, value: new Date('2026-11-25T15:30:00Z') });
    expect(at('1', '1', '2569', '0', '5')).toEqual({ ok: true, value: new Date('2025-12-31T17:05:00Z') });
  });
  it('refuses a half-filled picker, a day the calendar lacks, the future and more than a year back', () => {
    const refusal = (r: ReturnType<typeof at>) => (r.ok ? 'accepted' : r.error);
    expect(refusal(at('25', '11', '2569', '', ''))).toContain('ให้ครบ');
    expect(refusal(at('31', '4', '2569', '10', '0'))).toContain('ไม่มีวันที่นี้');
    expect(refusal(at('29', '2', '2569', '10', '0'))).toContain('ไม่มีวันที่นี้'); // 2026 is not a leap year
    expect(refusal(at('26', '11', '2569', '13', '0'))).toContain('ไม่เลยเวลาปัจจุบัน');
    expect(refusal(at('1', '11', '2568', '10', '0'))).toContain('ไม่เกิน 1 ปี');
  });
  it('offers this Buddhist year and the one before, by the clock in Bangkok', () => {
    expect(incidentYearsBE(NOW)).toEqual([2569, 2568]);
    expect(incidentYearsBE(new Date('2026-12-31T17:00:00Z'))).toEqual([2570, 2569]);
  });
});
