import { getApps, initializeApp } from 'firebase-admin/app';
import { getFirestore } from 'firebase-admin/firestore';
import { migratePrivateReporter } from './migrate-private-reporter.ts';
import { migrateStaffOnlyRecords } from './migrate-staff-only-records.ts';
import { migrateDashboardFigures } from './migrate-dashboard-figures.ts';

/**
 * Brings a database filled by an earlier version up to the current shape, every step in order; each
 * step is idempotent and resumable, so running it again (or on a database already migrated) is safe.
 *
 *   npm run migrate -- [--dry-run]
 *
 * against the emulator (FIRESTORE_EMULATOR_HOST set) or a real project with Application Default
 * Credentials. Prints counts only: never a value.
 */
const dryRun = process.argv.includes('--dry-run');
const db = getFirestore(getApps()[0] ?? initializeApp());
const counted = dryRun ? 'to migrate (dry run: nothing written)' : 'migrated';

const reporter = await migratePrivateReporter(db, { dryRun });
console.log(`decision 007, reporter to the private document: ${reporter.moved} case(s) ${counted}; ${reporter.skipped} already in that shape`);
const staffOnly = await migrateStaffOnlyRecords(db, { dryRun });
console.log(`decision 011, staff-only records: ${staffOnly.cases} case(s) naming a clerk and ${staffOnly.deliveries} timeline delivery record(s) ${counted}`);
const figures = await migrateDashboardFigures(db, { dryRun });
console.log(
  `decision 017, dashboard counters: ${figures.counted} case(s) ${dryRun ? 'to count (dry run: nothing written)' : 'counted'}; ${figures.already} already counted`,
);
