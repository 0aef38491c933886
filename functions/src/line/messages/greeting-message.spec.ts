import { describe, expect, it } from 'vitest';
import { checkMessages } from '../../../../test/line-standin/message-checks.ts';
import { FRONT_TEXT_MAX } from '@banmae/domain';
import { municipality as config } from '../../municipality.ts';
import { recogniseCommand } from '../webhook/text-commands.ts';
import { greetingMessage } from './greeting-message.ts';

const LIFF = 'https://liff.line.me/2000000000-BanMaeDk';

describe('the follow greeting', () => {
  it('names the municipality, says what each menu entry does in the menu’s order, and has a button to file', () => {
    const m = greetingMessage(config, LIFF);
    expect(checkMessages([m])).toEqual([]);
    const json = JSON.stringify(m);
    expect(json).toContain(config.municipality.nameTh);
    const at = config.menu.map((e) => json.indexOf(JSON.stringify(e.descriptionTh)));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    expect(json).toContain(`"uri":"${LIFF}/?from=greeting"`);
  });

  it('stays within LINE limits with the longest wording the configuration allows and 20 entries', () => {
    const long = (n: number) => 'ก้'.repeat(n / 2);
    const menu = Array.from({ length: 20 }, (_, i) => ({
      ...config.menu[0]!,
      id: `e${i}`,
      labelTh: long(FRONT_TEXT_MAX.labelTh),
      descriptionTh: long(FRONT_TEXT_MAX.descriptionTh),
    }));
    const greeting = { ...config.greeting, titleTh: long(FRONT_TEXT_MAX.titleTh), introTh: long(FRONT_TEXT_MAX.introTh) };
    expect(checkMessages([greetingMessage({ ...config, menu, greeting }, LIFF)])).toEqual([]);
  });
});

describe('the rich menu’s message actions', () => {
  it('each sends a text the webhook answers (ติดตามสถานะ: the status carousel)', () => {
    const messages = config.menu.flatMap((e) => (e.action.type === 'message' ? [e.action.text] : []));
    expect(messages).toEqual(['ติดตามสถานะ']);
    for (const text of messages) expect(recogniseCommand(text)).toEqual({ kind: 'track_status' });
  });
});
