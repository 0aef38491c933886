import { describe, expect, it } from 'vitest';
import type { Status } from '@banmae/domain';
import { overdueWorkingDays } from './overdue.ts';

const categories = [
  { id: 'water', dueWorkingDays: 3 },
  { id: 'fast', dueWorkingDays: 1 },
  { id: 'short', dueWorkingDays: 2 },
];
const holidays = new Set(['2026-12-07', '2026-12-10']);
const at = (s: string) => new Date(`${s}+07:00`);

describe('how many working days an open case is past its due time', () => {
  const table: { description: string; status: Status | null; category: string; filed: string; now: string; want: number | null }[] = [
    {
      description: 'not yet due on its last allowed day',
      status: 'received',
      category: 'water',
      filed: '2026-11-02T10:00',
      now: '2026-11-05T23:00',
      want: null,
    },
    {
      description: 'one day late the next working morning',
      status: 'in_progress',
      category: 'water',
      filed: '2026-11-02T10:00',
      now: '2026-11-06T09:00',
      want: 1,
    },
    { description: 'the weekend does not count', status: 'accepted', category: 'water', filed: '2026-11-02T10:00', now: '2026-11-09T09:00', want: 2 },
    {
      description: 'late since a Friday deadline, seen on Saturday: one day',
      status: 'received',
      category: 'short',
      filed: '2026-11-04T10:00',
      now: '2026-11-07T10:00',
      want: 1,
    },
    {
      description: 'a public holiday moves the due day and is not counted late',
      status: 'forwarded',
      category: 'fast',
      filed: '2026-12-04T10:00',
      now: '2026-12-09T10:00',
      want: 1,
    },
    {
      description: 'a holiday inside the late days is skipped',
      status: 'forwarded',
      category: 'fast',
      filed: '2026-12-04T10:00',
      now: '2026-12-11T10:00',
      want: 2,
    },
    { description: 'a finished case is never overdue', status: 'done', category: 'water', filed: '2026-11-02T10:00', now: '2026-12-01T10:00', want: null },
    { description: 'a rejected case is never overdue', status: 'rejected', category: 'water', filed: '2026-11-02T10:00', now: '2026-12-01T10:00', want: null },
    {
      description: 'a case with a status typed wrong in the console is still open',
      status: null,
      category: 'water',
      filed: '2026-11-02T10:00',
      now: '2026-11-06T09:00',
      want: 1,
    },
    {
      description: 'a category no longer in the configuration has no due time',
      status: 'received',
      category: 'gone',
      filed: '2026-11-02T10:00',
      now: '2026-12-01T10:00',
      want: null,
    },
  ];
  it.each(table)('$description', ({ status, category, filed, now, want }) => {
    expect(overdueWorkingDays({ status, category, createdAt: at(filed) }, categories, holidays, at(now))).toBe(want);
  });
});
