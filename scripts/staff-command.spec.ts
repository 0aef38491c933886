import { describe, expect, it } from 'vitest';
import { MIN_PASSWORD_LENGTH } from './staff-accounts.ts';
import { parseStaffArgs, UsageError, type StaffCommand } from './staff-command.ts';

describe('parseStaffArgs', () => {
  const good: { description: string; input: string[]; want: StaffCommand }[] = [
    { description: 'add gives the staff role', input: ['add', 'Clerk@BanMae.go.th'], want: { kind: 'add', email: 'clerk@banmae.go.th', role: 'staff' } },
    {
      description: 'add --admin gives the admin role',
      input: ['add', 'boss@banmae.go.th', '--admin'],
      want: { kind: 'add', email: 'boss@banmae.go.th', role: 'admin' },
    },
    {
      description: 'add takes a Thai name and a password',
      input: ['add', 'a@b.th', '--name', ' สมศรี ใจงาน ', '--password', 'x'.repeat(MIN_PASSWORD_LENGTH)],
      want: { kind: 'add', email: 'a@b.th', role: 'staff', displayName: 'สมศรี ใจงาน', password: 'x'.repeat(MIN_PASSWORD_LENGTH) },
    },
    { description: 'options may come before the email', input: ['add', '--admin', 'a@b.th'], want: { kind: 'add', email: 'a@b.th', role: 'admin' } },
    { description: 'remove', input: ['remove', 'a@b.th'], want: { kind: 'remove', email: 'a@b.th' } },
    { description: 'list', input: ['list'], want: { kind: 'list' } },
  ];
  for (const c of good) {
    it(`reads: ${c.description}`, () => {
      expect(parseStaffArgs(c.input)).toEqual(c.want);
    });
  }

  const bad: { description: string; input: string[]; want: RegExp }[] = [
    { description: 'no command', input: [], want: /no command/ },
    { description: 'an unknown command', input: ['grant', 'a@b.th'], want: /unknown command: grant/ },
    { description: 'add without an email', input: ['add'], want: /add needs an email/ },
    { description: 'remove without an email', input: ['remove'], want: /remove needs an email/ },
    { description: 'something that is not an email', input: ['add', 'somsri'], want: /not an email address/ },
    { description: 'two emails', input: ['add', 'a@b.th', 'c@d.th'], want: /unexpected argument/ },
    { description: 'an unknown option', input: ['add', 'a@b.th', '--role', 'admin'], want: /--role/ },
    { description: 'a password that is too short', input: ['add', 'a@b.th', '--password', 'x'.repeat(MIN_PASSWORD_LENGTH - 1)], want: /at least/ },
    { description: '--password without its value', input: ['add', 'a@b.th', '--password'], want: /--password/ },
    { description: 'an empty name', input: ['add', 'a@b.th', '--name', ' '], want: /--name is empty/ },
    { description: 'remove with --admin', input: ['remove', 'a@b.th', '--admin'], want: /remove takes no --admin/ },
    { description: 'list with an argument', input: ['list', 'a@b.th'], want: /unexpected argument/ },
  ];
  for (const c of bad) {
    it(`refuses ${c.description}`, () => {
      expect(() => parseStaffArgs(c.input)).toThrow(UsageError);
      expect(() => parseStaffArgs(c.input)).toThrow(c.want);
    });
  }
});
