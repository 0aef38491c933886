import { describe, expect, it } from 'vitest';
import { deskEditRecord, type DeskEdit } from './case-audit.ts';

describe('what the audit entry of a desk edit records', () => {
  const before = { status: 'received', statusNote: null, department: 'engineering', assigneeUid: null };
  const table: { description: string; before?: Record<string, unknown>; edit: DeskEdit; want: Record<string, unknown> }[] = [
    {
      description: 'a status change, with the status it replaced',
      edit: { status: 'accepted', statusNote: 'รับเรื่อง' },
      want: { status: 'accepted', from: 'received' },
    },
    {
      description: 'a status typed wrong in the console, as it was',
      before: { ...before, status: 'Done ' },
      edit: { status: 'done' },
      want: { status: 'done', from: 'Done ' },
    },
    { description: 'a new department', edit: { department: 'finance' }, want: { department: 'finance' } },
    { description: 'a department cleared', edit: { department: null }, want: { department: null } },
    { description: 'an assignee set where there was none', edit: { assigneeUid: 'staff-1' }, want: { assigneeUid: 'staff-1' } },
    {
      description: 'a null assignee on a case that had no assignee field',
      before: { status: 'received' },
      edit: { assigneeUid: null },
      want: { assigneeUid: null },
    },
    { description: 'nothing for fields set to what they were', edit: { department: 'engineering', assigneeUid: null }, want: {} },
    {
      description: 'every change of one edit',
      edit: { status: 'in_progress', department: 'finance', assigneeUid: 'staff-2' },
      want: { status: 'in_progress', from: 'received', department: 'finance', assigneeUid: 'staff-2' },
    },
  ];
  for (const t of table) {
    it(`records ${t.description}`, () => expect(deskEditRecord(t.before ?? before, t.edit)).toEqual(t.want));
  }
  it('never records the public note: the case shows it to the citizen already', () => {
    expect(deskEditRecord(before, { statusNote: 'ข้อความใหม่' })).toEqual({});
  });
});
