import { getApps, initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { FieldValue, GeoPoint, getFirestore, Timestamp, type DocumentReference, type Firestore } from 'firebase-admin/firestore';
import { COLLECTIONS, deskEditRecord, nationalIdCheckDigit, privateReporterPath, type DeskEdit, type StaffRole, type Status } from '@banmae/domain';
import { PROJECT_ID } from './local-stack.ts';
import { addStaff } from './staff-accounts.ts';
import { DEMO_LINE_USER } from '../test/line-standin/demo-user.ts';
import { demoHistory, writeCaseHistory } from './seed-history.ts';
import rawConfig from '../config/municipality.json' with { type: 'json' };

export { DEMO_LINE_USER };

/**
 * Demo data for `npm start`: one staff and one admin account for the desk, and three cases of the demo
 * LINE user (the one LIFF mock signs in as), filed and then moved through statuses exactly as a clerk
 * would, so the triggers number them, write their timelines and send their LINE messages to the stand-in.
 */

/**
 * The desk's demo accounts. Their passwords are printed by `npm start` and written here on purpose:
 * they exist only in the Auth emulator, which starts empty every time (nothing is imported).
 */
export const DEMO_STAFF_ACCOUNTS: readonly { email: string; password: string; role: StaffRole; displayName: string }[] = [
  { email: 'staff@banmae.go.th', password: 'banmae-staff-demo', role: 'staff', displayName: 'สมศรี ใจงาน' },
  { email: 'admin@banmae.go.th', password: 'banmae-admin-demo', role: 'admin', displayName: 'ประเสริฐ ดูแลระบบ' },
];

interface DemoCase {
  subject: string;
  details: string;
  category: string;
  kind: string;
  location?: { lat: number; lng: number; accuracyM: number };
  steps: { status: Status; note?: string }[];
}

const DEMO_CASES: DemoCase[] = [
  {
    kind: 'complaint',
    category: 'road',
    subject: 'ไฟถนนดับ ซอย 3 หมู่ 2',
    location: { lat: 18.6253, lng: 98.8917, accuracyM: 15 },
    details: 'ไฟถนนในซอย 3 หมู่ 2 ดับมา 1 สัปดาห์ กลางคืนมืดมาก เด็กนักเรียนเดินกลับบ้านลำบาก',
    steps: [
      { status: 'accepted' },
      { status: 'in_progress', note: 'กองช่างนัดเปลี่ยนหลอดไฟวันพฤหัสบดีนี้' },
      { status: 'done', note: 'เปลี่ยนหลอดไฟเรียบร้อยแล้ว ขอบคุณที่แจ้งเรื่อง' },
    ],
  },
  {
    kind: 'service_request',
    category: 'waste',
    subject: 'ขอถังขยะเพิ่มหน้าศาลาหมู่บ้าน',
    details: 'ถังขยะหน้าศาลาหมู่บ้านเต็มทุกวัน ขอถังขยะเพิ่มอีก 2 ใบ',
    steps: [{ status: 'accepted', note: 'รับเรื่องไว้พิจารณา จะแจ้งผลภายใน 7 วัน' }],
  },
  {
    kind: 'grievance',
    category: 'nuisance',
    subject: 'เสียงดังจากโรงงานตอนกลางคืน',
    details: 'โรงงานท้ายหมู่บ้านเปิดเครื่องจักรเสียงดังหลังสี่ทุ่มทุกคืน',
    steps: [],
  },
];

function demoNationalId(): string {
  const first12 = '350010012345';
  return first12 + String(nationalIdCheckDigit(first12));
}

/** A status change written the way the desk writes it: the edit and its audit entry, in one batch. */
async function deskEdit(db: Firestore, ref: DocumentReference, edit: DeskEdit): Promise<void> {
  const audit = ref.collection(COLLECTIONS.audit).doc();
  const batch = db.batch();
  batch.update(ref, { ...edit, editId: audit.id, updatedAt: FieldValue.serverTimestamp() });
  batch.create(audit, { by: 'seed', at: FieldValue.serverTimestamp(), ...deskEditRecord((await ref.get()).data() ?? {}, edit) });
  await batch.commit();
}

async function waitForTrackingNo(db: Firestore, id: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if ((await db.doc(`${COLLECTIONS.complaints}/${id}`).get()).get('trackingNo')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

export async function seedDemoData(): Promise<void> {
  process.env.FIRESTORE_EMULATOR_HOST ??= '127.0.0.1:8080';
  process.env.FIREBASE_AUTH_EMULATOR_HOST ??= '127.0.0.1:9099';
  const app = getApps().find((a) => a.name === 'seed') ?? initializeApp({ projectId: PROJECT_ID }, 'seed');
  const db = getFirestore(app);
  for (const account of DEMO_STAFF_ACCOUNTS) await addStaff(getAuth(app), db, account);
  await db.doc(`${COLLECTIONS.lineUsers}/${DEMO_LINE_USER}`).set({ following: true, followEventAt: Date.now(), updatedAt: Timestamp.now() });
  // Two years of past cases so the dashboard (/admin/dashboard) has this and last fiscal year to show.
  const categories = rawConfig.categories.map((c) => c.id);
  await writeCaseHistory(db, demoHistory(DEMO_HISTORY_CASES, new Date(), categories), rawConfig.trackingPrefix);
  for (const c of DEMO_CASES) {
    const ref = db.collection(COLLECTIONS.complaints).doc();
    // As the LIFF form files it: the case, and the reporter's personal data in its private document.
    const filing = db.batch();
    filing.set(ref, {
      owner: DEMO_LINE_USER,
      kind: c.kind,
      category: c.category,
      subject: c.subject,
      details: c.details,
      hasLocation: c.location !== undefined,
      privacyNoticeVersion: '2569-11-v1',
      status: 'received',
      createdAt: Timestamp.now(),
    });
    filing.set(db.doc(privateReporterPath(ref.id)), {
      owner: DEMO_LINE_USER,
      name: 'ประชาชน ทดสอบ',
      nationalId: demoNationalId(),
      phone: '0812345678',
      ...(c.location ? { location: { geo: new GeoPoint(c.location.lat, c.location.lng), accuracyM: c.location.accuracyM } } : {}),
    });
    await filing.commit();
    await waitForTrackingNo(db, ref.id);
    for (const step of c.steps) {
      await deskEdit(db, ref, { status: step.status, statusNote: step.note ?? null });
      await new Promise((r) => setTimeout(r, 300)); // one timeline entry per change, in order
    }
  }
}

/** Enough for every month of two fiscal years to have bars, few enough to seed in a second. */
const DEMO_HISTORY_CASES = 240;
