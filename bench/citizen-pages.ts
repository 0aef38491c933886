import { measureCitizenBundle } from './bundle-size.ts';
import { startCompressingProxy } from './compressing-proxy.ts';
import { measureCaseListShown, measureFormUsable, type FormTimes } from './page-load.ts';
import { HOSTING_ORIGIN } from '../test/support/stack.ts';
import { round } from './stats.ts';

type Row = [what: string, value: string, target: string];

/**
 * Issue 11's figures for the citizen pages, with their targets: bytes from the production build
 * (bundle-size.ts says what each includes) and times in Chromium at 1.6 Mbps / 150 ms RTT, cold cache,
 * against the emulators (page-load.ts), through a compressing proxy so that every text response is
 * compressed as Hosting sends it (compressing-proxy.ts: the emulator itself compresses only responses
 * of 1 KB and more). Also `npx tsx scripts/bench.ts citizen` alone.
 */
export async function citizenPageRows(runs = 5, onRow: (row: Row) => void = () => undefined): Promise<Row[]> {
  const kb = (n: number | undefined) => `${round(n!, 1)} KB`;
  const size = measureCitizenBundle();
  onRow(['Form: JS+CSS before usable, gzip', kb(size.formUsableKb), '≤ 45 KB']);
  onRow(['Status pages: JS+CSS before data, gzip', kb(size.statusPagesKb), '≤ 80 KB']);
  const proxy = await startCompressingProxy(HOSTING_ORIGIN);
  let form: FormTimes;
  let list: { p50Ms: number; maxMs: number };
  try {
    form = await measureFormUsable(runs, proxy.origin);
    onRow(['Form usable / ready (gzip transfer)', `${round(form.usableP50Ms)} / ${round(form.readyP50Ms)} ms`, '≤ 1100 / 2000 ms']);
    list = await measureCaseListShown(runs, proxy.origin);
  } finally {
    await proxy.close();
  }
  return [
    ['Form: JS+CSS before usable (first chunk: Preact, form, domain checks), gzip', kb(size.formUsableKb), '≤ 45 KB'],
    ['Form: + LIFF SDK, Firebase app, Firestore lite and the REST sign-in, loaded beside it (lazy), gzip', kb(size.liffAndFirebaseKb), ''],
    ['Form: everything up to ready to submit, gzip', kb(size.formReadyKb), ''],
    [
      `Form usable (first field takes typing), 1.6 Mbps / 150 ms RTT, cold cache, text compressed as Hosting sends it, p50 of ${runs}`,
      `${round(form.usableP50Ms)} ms (max ${round(form.usableMaxMs)})`,
      '≤ 1100 ms',
    ],
    [
      `Form signed in and ready to submit, same network and transfer, p50 of ${runs}`,
      `${round(form.readyP50Ms)} ms (max ${round(form.readyMaxMs)})`,
      '≤ 2000 ms',
    ],
    [
      'Status pages: JS+CSS before data, LIFF and Firebase included, gzip ("เรื่องของฉัน" / a case)',
      `${kb(size.statusListKb)} / ${kb(size.statusCaseKb)}`,
      '≤ 80 KB',
    ],
    [`Status list shown (3 cases), same network and transfer, p50 of ${runs}`, `${round(list.p50Ms)} ms (max ${round(list.maxMs)})`, '≤ 1800 ms'],
    ['Location code (lazy, on "ใช้ตำแหน่งปัจจุบัน"), gzip', kb(size.locationChunkKb), ''],
  ];
}
