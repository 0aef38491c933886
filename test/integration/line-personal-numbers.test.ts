import { beforeEach, describe, expect, it } from 'vitest';
import { fileCase, setStatusByHand, stepsOf } from '../support/cases.ts';
import { nationalId } from '../support/fixtures.ts';
import { clearFirestore, lineUserId, waitFor } from '../support/stack.ts';
import { standin } from '../support/standin-client.ts';

/**
 * Finding 3c of issue 8: a national ID or phone number typed into a case's text must not reach LINE
 * whole (PDPA), whether the citizen typed it into the subject or a clerk into the status note.
 */
beforeEach(async () => {
  await clearFirestore();
  await standin.reset();
});

const id = nationalId('310060024567'); // test data, not a person's
const [idDashed, phone, clerkPhone] = [`${id[0]}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id[12]}`, '089-765-4321', '0861234567'];

describe('personal numbers in case text, as LINE receives them', () => {
  it('masks an ID and a phone in the receipt, the status change and the chat answer', async () => {
    const user = lineUserId();
    const c = await fileCase(user, {
      subject: `ไฟดับ บัตร ${idDashed} โทร ${phone}`,
      details: `ติดต่อ ${phone} หรือเลขบัตร ${id} ค่าซ่อมราว 1,500 บาท`,
    });
    await setStatusByHand(c.id, 'in_progress', { statusNote: `ช่างจะโทรหาที่ ${clerkPhone} ก่อนเข้าไป` });
    await waitFor(
      'receipt and status change sent',
      async () => {
        const steps = await stepsOf(c.id);
        return steps.length === 2 && steps.every((s) => s.delivery?.state === 'sent');
      },
      20_000,
    ); // the first triggers of a fresh emulator take seconds
    await standin.webhook({ events: [{ type: 'message', source: { userId: user }, message: { id: '1', type: 'text', text: 'ติดตามสถานะ', quoteToken: 'q' } }] });

    const sent = (await standin.requests()).filter((r) => r.path.startsWith('/v2/bot/message/'));
    expect(sent.map((r) => `${r.path} ${r.status}`)).toEqual(['/v2/bot/message/push 200', '/v2/bot/message/push 200', '/v2/bot/message/reply 200']);
    const json = JSON.stringify(sent.map((r) => r.body));
    const digitsOf = (s: string) => s.replace(/\D/g, '');
    for (const secret of [id, idDashed, id.slice(0, 9), phone, digitsOf(phone), '089-765', clerkPhone, clerkPhone.slice(0, 7)]) {
      expect(json).not.toContain(secret);
    }
    expect(json).toContain(c.trackingNo);
    expect(json).toContain('•••-•••-•321'); // masked the way the case page masks it
    expect(json).toContain('•••-•••-•567');
  }, 60_000);
});
