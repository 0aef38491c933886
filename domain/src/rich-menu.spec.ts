import { describe, expect, it } from 'vitest';
import raw from '../../config/municipality.json' with { type: 'json' };
import { parseMunicipalityConfig } from './config.ts';
import { checkRichMenu, checkRichMenuImage, imageSize, richMenuDefinition, richMenuGrid, type RichMenuDefinition } from './rich-menu.ts';

const config = parseMunicipalityConfig(structuredClone(raw));
const shipped = () => structuredClone(richMenuDefinition(config));

/** A PNG header of the given size: all LINE reads before judging the size. */
function pngOf(width: number, height: number, totalBytes = 64): Uint8Array {
  const b = new Uint8Array(totalBytes);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}

describe('the rich menu from the configuration', () => {
  it('has the six entries in the manual’s order, tiling the whole 2500×1686 image', () => {
    const def = shipped();
    expect(def.size).toEqual({ width: 2500, height: 1686 });
    expect(def.areas.map((a) => a.action.label)).toEqual(['ร้องเรียน ร้องทุกข์', 'แจ้งชำระภาษี', 'ตรวจสอบคุณภาพอากาศ', 'ข่าวประชาสัมพันธ์', 'เพจ Facebook', 'ติดตามสถานะ']);
    expect(def.areas.reduce((sum, a) => sum + a.bounds.width * a.bounds.height, 0)).toBe(2500 * 1686);
    expect(checkRichMenu(def)).toEqual([]);
  });

  it('makes ติดตามสถานะ a message action sending exactly that text (manual 2.6)', () => {
    expect(shipped().areas[5]!.action).toEqual({ type: 'message', label: 'ติดตามสถานะ', text: 'ติดตามสถานะ' });
  });

  it('lays a compact menu out in one row', () => {
    expect(richMenuGrid(4, 843).map((b) => [b.y, b.height])).toEqual([
      [0, 843],
      [0, 843],
      [0, 843],
      [0, 843],
    ]);
  });
});

describe("LINE's checks of a rich menu", () => {
  const refused: { description: string; mutate: (d: RichMenuDefinition) => void; property: string }[] = [
    { description: 'an area outside the image', mutate: (d) => (d.areas[2]!.bounds.x = 2000), property: 'areas[2].bounds' },
    { description: 'an area with a negative origin', mutate: (d) => (d.areas[0]!.bounds.y = -1), property: 'areas[0].bounds' },
    { description: '21 areas', mutate: (d) => (d.areas = Array.from({ length: 21 }, () => d.areas[0]!)), property: 'areas' },
    { description: 'a 15-character chat-bar text', mutate: (d) => (d.chatBarText = 'เมนูบริการประชาชน'), property: 'chatBarText' },
    { description: 'a javascript: URI', mutate: (d) => (d.areas[1]!.action = { type: 'uri', uri: 'javascript:alert(1)' }), property: 'areas[1].action.uri' },
    { description: 'an unknown action type', mutate: (d) => (d.areas[1]!.action = { type: 'camera' } as never), property: 'areas[1].action.type' },
    { description: 'a 21-character action label', mutate: (d) => (d.areas[0]!.action.label = 'ร้องเรียน / ร้องทุกข์ฯ'), property: 'areas[0].action.label' },
    { description: 'a ratio under 1.45', mutate: (d) => (d.size = { width: 1200, height: 1000 }), property: 'size' },
  ];
  for (const c of refused) {
    it(`refuses ${c.description}`, () => {
      const def = shipped();
      c.mutate(def);
      expect(checkRichMenu(def).map((d) => d.property)).toContain(c.property);
    });
  }
});

describe("LINE's checks of a rich menu image", () => {
  const size = { width: 2500, height: 1686 };
  it('takes a PNG of the menu size under 1 MB', () => expect(checkRichMenuImage(pngOf(2500, 1686), 'image/png', size)).toBeNull());
  it('refuses the wrong size', () => expect(checkRichMenuImage(pngOf(2500, 843), 'image/png', size)?.status).toBe(400));
  it('refuses over 1 MB', () => expect(checkRichMenuImage(pngOf(2500, 1686, 1024 * 1024 + 1), 'image/png', size)?.status).toBe(413));
  it('refuses a type other than PNG or JPEG', () => expect(checkRichMenuImage(pngOf(2500, 1686), 'image/gif', size)?.status).toBe(415));
  it('refuses bytes that are not what the content type says', () => expect(checkRichMenuImage(pngOf(2500, 1686), 'image/jpeg', size)?.status).toBe(400));
  it('reads a JPEG frame size', () => {
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 11, 8, 0x06, 0x96, 0x09, 0xc4, 3, 0, 0, 0]);
    expect(imageSize(jpeg)).toEqual({ type: 'image/jpeg', width: 2500, height: 1686 });
  });
});
