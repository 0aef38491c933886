import { describe, expect, it } from 'vitest';
import raw from '../../config/municipality.json' with { type: 'json' };
import { ConfigError, parseMunicipalityConfig } from './config.ts';

const valid = () => structuredClone(raw) as Record<string, unknown> & typeof raw;

function problemsOf(mutate: (c: ReturnType<typeof valid>) => void): string[] {
  const c = valid();
  mutate(c);
  try {
    parseMunicipalityConfig(c);
    return [];
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
}

describe('parseMunicipalityConfig', () => {
  it('accepts the shipped config', () => expect(parseMunicipalityConfig(valid()).trackingPrefix).toBe('BM'));

  const cases: { description: string; mutate: (c: ReturnType<typeof valid>) => void; want: RegExp }[] = [
    { description: 'a lower-case prefix', mutate: (c) => (c.trackingPrefix = 'bm'), want: /trackingPrefix/ },
    { description: 'a missing municipality name', mutate: (c) => (c.municipality.nameTh = ''), want: /municipality.nameTh/ },
    { description: 'a LIFF ID of another channel', mutate: (c) => (c.line.liffId = '1999999999-abc'), want: /liffId/ },
    { description: 'a channel ID that is not 10 digits', mutate: (c) => (c.line.lineLoginChannelId = '123'), want: /lineLoginChannelId/ },
    { description: 'no categories', mutate: (c) => (c.categories = []), want: /categories/ },
    { description: 'a duplicate category ID', mutate: (c) => c.categories.push({ ...c.categories[0]! }), want: /used twice/ },
    { description: 'a category ID with spaces', mutate: (c) => (c.categories[0]!.id = 'road works'), want: /categories\[0\]\.id/ },
    { description: 'an http menu link', mutate: (c) => (c.menu[2]!.action = { type: 'uri', uri: 'http://www.ntaqhi.info' }), want: /menu\[2\]\.action\.uri/ },
    {
      description: 'a javascript: menu link',
      mutate: (c) => (c.menu[3]!.action = { type: 'uri', uri: 'javascript:alert(1)' }),
      want: /menu\[3\]\.action\.uri/,
    },
    {
      description: 'a menu action LINE has but the desk does not answer',
      mutate: (c) => (c.menu[0]!.action = { type: 'postback' } as never),
      want: /menu\[0\]\.action\.type/,
    },
    { description: 'a message action without text', mutate: (c) => (c.menu[5]!.action = { type: 'message', text: ' ' }), want: /menu\[5\]\.action\.text/ },
    { description: 'a menu entry without a description for the greeting', mutate: (c) => (c.menu[1]!.descriptionTh = ''), want: /menu\[1\]\.descriptionTh/ },
    { description: 'an icon that is not an icon name', mutate: (c) => (c.menu[1]!.icon = '<svg/>'), want: /menu\[1\]\.icon/ },
    {
      description: 'a long label without a short one for LINE',
      mutate: (c) => delete (c.menu[0] as { shortLabelTh?: string }).shortLabelTh,
      want: /menu\[0\]\.labelTh.*shortLabelTh/,
    },
    { description: 'a short label over 20 characters', mutate: (c) => (c.menu[0]!.shortLabelTh = 'ร้องเรียนร้องทุกข์ขอรับบริการ'), want: /menu\[0\]\.shortLabelTh/ },
    {
      description: '21 menu entries (LINE takes 20 areas)',
      mutate: (c) => (c.menu = Array.from({ length: 21 }, (_, i) => ({ ...c.menu[3]!, id: `e${i}` }))),
      want: /richMenu \(areas\).*Size must be between 1 and 20/,
    },
    {
      description: 'a chat-bar text over 14 characters',
      mutate: (c) => (c.richMenu.chatBarTextTh = 'เมนูบริการประชาชน'),
      want: /richMenu\.chatBarTextTh.*between 1 and 14/,
    },
    { description: 'a menu height LINE has no template for', mutate: (c) => (c.richMenu.height = 1000 as never), want: /richMenu\.height/ },
    { description: 'a colour that is not #rrggbb', mutate: (c) => (c.richMenu.colours.tile = 'white'), want: /richMenu\.colours\.tile/ },
    {
      description: 'a greeting button label over 20 characters',
      mutate: (c) => (c.greeting.buttonLabelTh = 'แจ้งเรื่องร้องเรียนร้องทุกข์ที่นี่'),
      want: /greeting\.buttonLabelTh/,
    },
    {
      description: 'a menu description too long for the greeting',
      mutate: (c) => (c.menu[1]!.descriptionTh = 'ก'.repeat(101)),
      want: /menu\[1\]\.descriptionTh.*100/,
    },
    { description: 'a poster without steps', mutate: (c) => (c.poster.stepsTh = []), want: /poster\.stepsTh/ },
    { description: 'an OA ID without @', mutate: (c) => (c.line.oaBasicId = 'banmae'), want: /line\.oaBasicId/ },
    { description: 'an unknown notifying status', mutate: (c) => (c.notifications.statuses = ['closed'] as never), want: /notifications.statuses/ },
    { description: 'a receipt flag that is not boolean', mutate: (c) => ((c.notifications as { receipt: unknown }).receipt = 'yes'), want: /receipt/ },
    { description: 'a privacy notice without a version', mutate: (c) => (c.privacyNotice.version = ''), want: /privacyNotice.version/ },
    {
      description: 'a category without a time allowed',
      mutate: (c) => ((c.categories[0] as { dueWorkingDays?: unknown }).dueWorkingDays = 0),
      want: /categories\[0\]\.dueWorkingDays/,
    },
    { description: 'a holiday that is not a date', mutate: (c) => (c.holidays[0]!.date = '5 ธ.ค. 2569'), want: /holidays\[0\]\.date/ },
    { description: 'a map tile URL without {z}/{x}/{y}', mutate: (c) => (c.desk.mapTileUrl = 'https://tiles.example/map.png'), want: /desk.mapTileUrl/ },
    {
      description: 'note templates for an unknown status',
      mutate: (c) => ((c.desk.noteTemplates as Record<string, string[]>).closed = ['x']),
      want: /desk.noteTemplates.closed/,
    },
    { description: 'an empty note template', mutate: (c) => (c.desk.noteTemplates.done = ['  ']), want: /desk.noteTemplates.done/ },
    {
      description: 'a category sent to an unknown department',
      mutate: (c) => (c.categories[0]!.departmentId = 'roads'),
      want: /categories\[0\]\.departmentId/,
    },
    { description: 'a desk site that is not an https origin', mutate: (c) => (c.desk.siteUrl = 'http://banmae.web.app/admin'), want: /desk\.siteUrl/ },
    { description: 'a retention below 30 days', mutate: (c) => (c.retentionDays = 7), want: /retentionDays/ },
  ];
  for (const c of cases) {
    it(`refuses ${c.description}, naming the field`, () => {
      const problems = problemsOf(c.mutate);
      expect(problems.some((p) => c.want.test(p))).toBe(true);
    });
  }
});
