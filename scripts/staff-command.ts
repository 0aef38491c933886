import { parseArgs } from 'node:util';
import type { Auth } from 'firebase-admin/auth';
import type { Firestore } from 'firebase-admin/firestore';
import { ROLE_LABELS_TH, type StaffRole } from '@banmae/domain';
import { addStaff, listStaff, MIN_PASSWORD_LENGTH, removeStaff } from './staff-accounts.ts';

/** `npm run staff -- …`: what the administrator typed, checked before anything is touched. */
export type StaffCommand =
  { kind: 'add'; email: string; role: StaffRole; displayName?: string; password?: string } | { kind: 'remove'; email: string } | { kind: 'list' };

export class UsageError extends Error {}

export const USAGE = `usage:
  npm run staff -- add EMAIL [--admin] [--name "ชื่อ นามสกุล"] [--password PASSWORD]
      create the account (or take the existing one) and give it the staff role, or admin with --admin;
      adding an admin without --admin demotes them to staff. Without --password a password is generated
      and printed once.
  npm run staff -- remove EMAIL
      take the role away and sign the member out everywhere (at their next token refresh, within an hour)
  npm run staff -- list
      every account with a staff or admin role

Runs against the emulators when FIREBASE_AUTH_EMULATOR_HOST and FIRESTORE_EMULATOR_HOST are set,
otherwise against the project in GCLOUD_PROJECT (or .firebaserc) with Application Default Credentials
(gcloud auth application-default login).`;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function emailArg(positionals: string[], subcommand: string): string {
  const [email, ...rest] = positionals;
  if (!email) throw new UsageError(`${subcommand} needs an email`);
  if (rest.length) throw new UsageError(`unexpected argument: ${rest.join(' ')}`);
  if (!EMAIL.test(email)) throw new UsageError(`not an email address: ${email}`);
  return email.toLowerCase();
}

export function parseStaffArgs(argv: string[]): StaffCommand {
  const [subcommand, ...rest] = argv;
  let parsed;
  try {
    parsed = parseArgs({
      args: rest,
      allowPositionals: true,
      strict: true,
      options: { admin: { type: 'boolean' }, name: { type: 'string' }, password: { type: 'string' } },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (subcommand === 'add') {
    const name = values.name?.trim();
    if (values.name !== undefined && !name) throw new UsageError('--name is empty');
    if (values.password !== undefined && values.password.length < MIN_PASSWORD_LENGTH) {
      throw new UsageError(`--password needs at least ${MIN_PASSWORD_LENGTH} characters`);
    }
    return {
      kind: 'add',
      email: emailArg(positionals, 'add'),
      role: values.admin ? 'admin' : 'staff',
      ...(name ? { displayName: name } : {}),
      ...(values.password !== undefined ? { password: values.password } : {}),
    };
  }
  const options = Object.keys(values);
  if ((subcommand === 'remove' || subcommand === 'list') && options.length) throw new UsageError(`${subcommand} takes no --${options[0]}`);
  if (subcommand === 'remove') return { kind: 'remove', email: emailArg(positionals, 'remove') };
  if (subcommand === 'list') {
    if (positionals.length) throw new UsageError(`unexpected argument: ${positionals.join(' ')}`);
    return { kind: 'list' };
  }
  throw new UsageError(subcommand ? `unknown command: ${subcommand}` : 'no command given');
}

const roleText = (role: StaffRole | null) => (role ? `${role} (${ROLE_LABELS_TH[role]})` : 'no role');

/** Runs a parsed command; returns the lines to print. */
export async function runStaffCommand(cmd: StaffCommand, auth: Auth, db: Firestore, where: string): Promise<string[]> {
  if (cmd.kind === 'add') {
    const added = await addStaff(auth, db, cmd);
    const lines = [`${added.email}: ${roleText(added.previousRole)} → ${roleText(added.role)} on ${where} (uid ${added.uid})`];
    if (added.password) lines.push(`password (shown once, not stored anywhere; hand it over in person): ${added.password}`);
    if (added.previousRole) lines.push('The member sees the new role at their next token refresh (within an hour, or on signing in again).');
    return lines;
  }
  if (cmd.kind === 'remove') {
    const removed = await removeStaff(auth, db, cmd.email);
    return [
      `${removed.email}: ${roleText(removed.previousRole)} → no role on ${where} (uid ${removed.uid}); signed out everywhere.`,
      'Their current sign-in keeps working until its token refreshes (within an hour); after that every write and read is refused.',
    ];
  }
  const staff = await listStaff(auth);
  if (!staff.length) return [`no staff accounts on ${where}`];
  return [
    `${staff.length} staff account(s) on ${where}:`,
    ...staff.map((s) =>
      [s.role.padEnd(5), s.email, s.displayName && s.displayName !== s.email ? s.displayName : '', s.disabled ? '(disabled)' : '', s.uid]
        .filter(Boolean)
        .join('  '),
    ),
  ];
}
