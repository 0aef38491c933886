import { resolve } from 'node:path';
import { AdminProjectError, adminProject } from './admin-project.ts';
import { StaffAccountError } from './staff-accounts.ts';
import { parseStaffArgs, runStaffCommand, USAGE, UsageError } from './staff-command.ts';

/**
 * `npm run staff -- add EMAIL [--admin] [--name "ชื่อ นามสกุล"] [--password P] | remove EMAIL | list`:
 * staff accounts and their role claims (scripts/staff-command.ts has the usage). Exit codes: 0 done,
 * 1 refused (unknown account, wrong project setup), 2 bad usage.
 */
const ROOT = resolve(import.meta.dirname, '..');

try {
  const cmd = parseStaffArgs(process.argv.slice(2));
  const project = adminProject(process.env, ROOT);
  // Loaded only once the command is known to be good: firebase-admin takes a while to load.
  const [{ applicationDefault, initializeApp }, { getAuth }, { getFirestore }] = await Promise.all([
    import('firebase-admin/app'),
    import('firebase-admin/auth'),
    import('firebase-admin/firestore'),
  ]);
  // The Admin SDK finds the emulators through the same variables; a real project needs ADC.
  const app = initializeApp(project.emulator ? { projectId: project.projectId } : { projectId: project.projectId, credential: applicationDefault() });
  const lines = await runStaffCommand(cmd, getAuth(app), getFirestore(app), project.description);
  console.log(lines.join('\n'));
  process.exit(0);
} catch (err) {
  if (err instanceof UsageError) {
    console.error(`✖ ${err.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (err instanceof StaffAccountError || err instanceof AdminProjectError) {
    console.error(`✖ ${err.message}`);
    process.exit(1);
  }
  if (err instanceof Error && /default credentials/i.test(err.message)) {
    console.error(`✖ ${err.message}\nSign in first: gcloud auth application-default login`);
    process.exit(1);
  }
  throw err;
}
