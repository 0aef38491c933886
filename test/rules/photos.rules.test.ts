import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assertFails, assertSucceeds, type RulesTestEnvironment } from '@firebase/rules-unit-testing';
import { Bytes, collection, deleteDoc, doc, getDoc, getDocs, serverTimestamp, setDoc, Timestamp, updateDoc, type Firestore } from 'firebase/firestore';
import {
  ADDITIONS_COLLECTION,
  additionOfPhoto,
  additionPhotoIds,
  CLOSED_STATUSES,
  COLLECTIONS,
  PHOTO_LIMITS,
  photoPath,
  REPORTER_PHOTO_IDS,
  STATUSES,
} from '@banmae/domain';
import { complaintFields } from '../support/fixtures.ts';
import { actorClients, ALICE, BOB, startRulesEnv, stopRulesEnv, type Actor } from '../support/rules-env.ts';

// complaints/{id}/photos (decision 019): the owner's photos on their open case, staff's "after" photo
// on a done case, each a JPEG within the size limits; every other write refused.
let env: RulesTestEnvironment;
let as: Record<Actor, Firestore>;

beforeAll(async () => {
  env = await startRulesEnv();
  as = actorClients(env);
});
afterAll(() => stopRulesEnv(env));

const CASE = 'a1';
const AFTER_ID = 'after-AfterPhoto0000000001';

/** `size` bytes that start like a JPEG (the rules look at the first bytes and the size, not the picture). */
function jpegBytes(size = 20_000, head = [0xff, 0xd8, 0xff, 0xe0]): Bytes {
  const b = new Uint8Array(size);
  b.set(head);
  for (let i = head.length; i < size; i++) b[i] = (i * 31) & 255;
  return Bytes.fromUint8Array(b);
}

/** A photo document as the phone writes it. */
const photo = (over: Record<string, unknown> = {}) => ({
  kind: 'reporter',
  contentType: 'image/jpeg',
  width: 1600,
  height: 1200,
  data: jpegBytes(),
  createdAt: serverTimestamp(),
  ...over,
});
const afterPhoto = (over: Record<string, unknown> = {}) => photo({ kind: 'after', ...over });

async function seedCase(status = 'received'): Promise<void> {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore();
    await setDoc(doc(db, `complaints/${CASE}`), { ...complaintFields(ALICE), status, createdAt: Timestamp.now(), trackingNo: 'BM-2569-00001' });
  });
}

const put = (db: Firestore, id: string, data: Record<string, unknown>, caseId = CASE) => setDoc(doc(db, photoPath(caseId, id)), data);

describe('the citizen’s photos', () => {
  beforeEach(() => seedCase());

  it('the owner adds up to three photos to her open case, and not a fourth', async () => {
    expect(REPORTER_PHOTO_IDS).toEqual(['r1', 'r2', 'r3']);
    for (const id of REPORTER_PHOTO_IDS) await assertSucceeds(put(as.alice, id, photo()));
    await assertFails(put(as.alice, 'r4', photo()));
    await assertFails(put(as.alice, 'extra-photo', photo()));
  });

  it('accepts exactly the size limit and refuses one byte more', async () => {
    await assertSucceeds(put(as.alice, 'r1', photo({ data: jpegBytes(PHOTO_LIMITS.maxBytes) })));
    await assertFails(put(as.alice, 'r2', photo({ data: jpegBytes(PHOTO_LIMITS.maxBytes + 1) })));
  });

  it('refuses a photo larger than 1600 px on a side', async () => {
    await assertFails(put(as.alice, 'r1', photo({ width: PHOTO_LIMITS.maxLongSidePx + 1 })));
    await assertFails(put(as.alice, 'r1', photo({ height: PHOTO_LIMITS.maxLongSidePx + 1 })));
    await assertFails(put(as.alice, 'r1', photo({ width: 0 })));
    await assertFails(put(as.alice, 'r1', photo({ width: 1200.5 })));
  });

  it('refuses the wrong type: another content type, bytes that are not a JPEG, a string instead of bytes', async () => {
    await assertFails(put(as.alice, 'r1', photo({ contentType: 'image/png' })));
    await assertFails(put(as.alice, 'r1', photo({ contentType: 'image/svg+xml' })));
    await assertFails(put(as.alice, 'r1', photo({ data: jpegBytes(20_000, [0x89, 0x50, 0x4e, 0x47]) }))); // PNG
    await assertFails(put(as.alice, 'r1', photo({ data: jpegBytes(20_000, [0x3c, 0x73, 0x76, 0x67]) }))); // "<svg"
    await assertFails(put(as.alice, 'r1', photo({ data: '/9j/4AAQSkZJRg' })));
  });

  it('refuses a missing or extra field, a made-up time, and a citizen posing as staff', async () => {
    const noWidth: Record<string, unknown> = photo();
    delete noWidth.width;
    await assertFails(put(as.alice, 'r1', noWidth));
    await assertFails(put(as.alice, 'r1', photo({ gps: '18.6253,98.8917' })));
    await assertFails(put(as.alice, 'r1', photo({ createdAt: Timestamp.fromDate(new Date('2020-01-01')) })));
    await assertFails(put(as.alice, 'r1', photo({ kind: 'after' })));
    await assertFails(put(as.alice, AFTER_ID, afterPhoto()));
  });

  it('refuses a photo on someone else’s case, on a case that does not exist, and from anyone signed out', async () => {
    await assertFails(put(as.bob, 'r1', photo()));
    await assertFails(put(as.alice, 'r1', photo(), 'NoSuchCase0000000001'));
    await assertFails(put(as.anonymous, 'r1', photo()));
    await assertFails(put(as.staff, 'r1', photo())); // staff add only "after" photos
  });

  it('never lets a photo be replaced or deleted, not even by its owner', async () => {
    await assertSucceeds(put(as.alice, 'r1', photo()));
    await assertFails(put(as.alice, 'r1', photo({ width: 800 })));
    await assertFails(updateDoc(doc(as.alice, photoPath(CASE, 'r1')), { width: 800 }));
    await assertFails(deleteDoc(doc(as.alice, photoPath(CASE, 'r1'))));
    await assertFails(deleteDoc(doc(as.staff, photoPath(CASE, 'r1'))));
  });

  it.each(CLOSED_STATUSES)('refuses a photo after the case is closed (%s)', async (status) => {
    await seedCase(status);
    await assertFails(put(as.alice, 'r1', photo()));
  });

  it('accepts a photo while the case is open in any other status', async () => {
    for (const status of STATUSES.filter((s) => !CLOSED_STATUSES.includes(s))) {
      await seedCase(status);
      await assertSucceeds(put(as.alice, 'r1', photo()));
    }
  });

  it('is read by its owner and staff only', async () => {
    await assertSucceeds(put(as.alice, 'r1', photo()));
    const list = (db: Firestore) => getDocs(collection(db, COLLECTIONS.complaints, CASE, COLLECTIONS.photos));
    const get = (db: Firestore) => getDoc(doc(db, photoPath(CASE, 'r1')));
    for (const a of ['alice', 'staff', 'admin'] as const) {
      await assertSucceeds(get(as[a]));
      expect((await list(as[a])).size).toBe(1);
    }
    for (const a of ['bob', 'noRole', 'anonymous'] as const) {
      await assertFails(get(as[a]));
      await assertFails(list(as[a]));
    }
  });
});

describe('staff’s "after" photo', () => {
  it('is allowed on a done case, with an after-ID, kind "after" and the same limits', async () => {
    await seedCase('done');
    await assertSucceeds(put(as.staff, AFTER_ID, afterPhoto()));
    await assertSucceeds(put(as.admin, 'after-AfterPhoto0000000002', afterPhoto()));
    await assertFails(put(as.staff, 'after-AfterPhoto0000000003', afterPhoto({ data: jpegBytes(PHOTO_LIMITS.maxBytes + 1) })));
    await assertFails(put(as.staff, 'after-AfterPhoto0000000003', afterPhoto({ contentType: 'image/png' })));
    await assertFails(put(as.staff, 'after-AfterPhoto0000000003', afterPhoto({ kind: 'reporter' })));
    await assertFails(put(as.staff, 'after-short', afterPhoto()));
    await assertFails(put(as.staff, AFTER_ID, afterPhoto())); // no overwrite
  });

  it('is refused on a case that is not done, to citizens (the owner too) and to an account without the role', async () => {
    await seedCase('in_progress');
    await assertFails(put(as.staff, AFTER_ID, afterPhoto()));
    await seedCase('done');
    await assertFails(put(as.alice, AFTER_ID, afterPhoto()));
    await assertFails(put(as.noRole, AFTER_ID, afterPhoto()));
  });
});

describe('photos with information the owner added (decision 018)', () => {
  const ADDITION = 'AddInfo0000000000001';
  const [a1, a2, a3] = additionPhotoIds(ADDITION) as [string, string, string];

  /** The case, and an addition of `by` with the given ID already stored (the phone writes the text first). */
  async function seedAddition(status = 'received', by = ALICE, additionId = ADDITION): Promise<void> {
    await seedCase(status);
    await env.withSecurityRulesDisabled(async (ctx) => {
      await setDoc(doc(ctx.firestore(), COLLECTIONS.complaints, CASE, ADDITIONS_COLLECTION, additionId), {
        text: 'น้ำยังรั่วอยู่หน้าบ้านเลขที่ 12',
        by,
        createdAt: Timestamp.now(),
        via: 'page',
      });
    });
  }
  beforeEach(() => seedAddition());

  it('names its photos after the addition, and only those IDs belong to it', () => {
    expect(additionPhotoIds(ADDITION)).toEqual([`a-${ADDITION}-1`, `a-${ADDITION}-2`, `a-${ADDITION}-3`]);
    expect(additionOfPhoto(a2)).toBe(ADDITION);
    for (const id of ['r1', AFTER_ID, `a-${ADDITION}-4`, `a-${ADDITION}`]) expect(additionOfPhoto(id)).toBeNull();
  });

  it('lets the owner attach three photos to her addition, beside the filing’s three, and not a fourth', async () => {
    for (const id of [a1, a2, a3]) await assertSucceeds(put(as.alice, id, photo()));
    for (const id of REPORTER_PHOTO_IDS) await assertSucceeds(put(as.alice, id, photo()));
    await assertFails(put(as.alice, `a-${ADDITION}-4`, photo()));
    await assertFails(put(as.alice, `a-${ADDITION}-0`, photo()));
  });

  it('refuses IDs that do not follow the pattern', async () => {
    for (const id of [
      `a-${ADDITION}`,
      `a-${ADDITION}-1-x`,
      `a-${ADDITION}-12`,
      `b-${ADDITION}-1`,
      `a-Short-1`,
      `a-${ADDITION}x-1`,
      `a-${ADDITION}_-1`,
      `${ADDITION}-1`,
    ]) {
      await assertFails(put(as.alice, id, photo()));
    }
  });

  it('refuses a photo for an addition that does not exist, or that someone else wrote', async () => {
    await assertFails(put(as.alice, additionPhotoIds('NoSuchAddition000001')[0]!, photo()));
    await seedAddition('received', BOB, 'BobsAddition00000001');
    await assertFails(put(as.alice, additionPhotoIds('BobsAddition00000001')[0]!, photo()));
  });

  it('refuses another citizen, staff and anyone signed out, even on an addition of their own', async () => {
    await assertFails(put(as.bob, a1, photo()));
    await assertFails(put(as.staff, a1, photo()));
    await assertFails(put(as.anonymous, a1, photo()));
    // Bob's addition on Alice's case (which the rules would never have let him write) does not open it to him.
    await seedAddition('received', BOB, 'BobsAddition00000001');
    await assertFails(put(as.bob, additionPhotoIds('BobsAddition00000001')[0]!, photo()));
  });

  it('keeps the filing photos’ limits: size, type, kind, fields, time', async () => {
    await assertSucceeds(put(as.alice, a1, photo({ data: jpegBytes(PHOTO_LIMITS.maxBytes) })));
    await assertFails(put(as.alice, a2, photo({ data: jpegBytes(PHOTO_LIMITS.maxBytes + 1) })));
    await assertFails(put(as.alice, a2, photo({ contentType: 'image/png' })));
    await assertFails(put(as.alice, a2, photo({ data: jpegBytes(20_000, [0x89, 0x50, 0x4e, 0x47]) })));
    await assertFails(put(as.alice, a2, photo({ kind: 'after' })));
    await assertFails(put(as.alice, a2, photo({ width: PHOTO_LIMITS.maxLongSidePx + 1 })));
    await assertFails(put(as.alice, a2, photo({ additionText: 'แอบใส่ข้อความ' })));
    await assertFails(put(as.alice, a2, photo({ createdAt: Timestamp.fromDate(new Date('2020-01-01')) })));
  });

  it('never lets an addition’s photo be replaced or deleted', async () => {
    await assertSucceeds(put(as.alice, a1, photo()));
    await assertFails(put(as.alice, a1, photo({ width: 800 })));
    await assertFails(updateDoc(doc(as.alice, photoPath(CASE, a1)), { width: 800 }));
    await assertFails(deleteDoc(doc(as.alice, photoPath(CASE, a1))));
  });

  it.each(CLOSED_STATUSES)('refuses a photo once the case is closed (%s), like the text', async (status) => {
    await seedAddition(status);
    await assertFails(put(as.alice, a1, photo()));
  });

  it('is read by the owner and staff, not by another citizen', async () => {
    await assertSucceeds(put(as.alice, a1, photo()));
    for (const a of ['alice', 'staff'] as const) await assertSucceeds(getDoc(doc(as[a], photoPath(CASE, a1))));
    await assertFails(getDoc(doc(as.bob, photoPath(CASE, a1))));
  });
});
