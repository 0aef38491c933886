import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkRichMenuImage, imageSize, parseMunicipalityConfig, RICH_MENU_LIMITS } from '@banmae/domain';
import raw from '../config/municipality.json' with { type: 'json' };
import { richMenuImage } from './richmenu-image.ts';
import { decomposeSaraAm, textBox, textWidth } from './svg-render.ts';

const config = parseMunicipalityConfig(structuredClone(raw));

describe('the rich menu image (npm run richmenu -- preview)', () => {
  it('is a 2500×1686 PNG under 1 MB that LINE takes for the menu; saved to test-results/ to look at', () => {
    const { png, svg } = richMenuImage(config);
    const dir = resolve(import.meta.dirname, '../test-results');
    mkdirSync(dir, { recursive: true });
    writeFileSync(resolve(dir, 'rich-menu.png'), png);
    expect(imageSize(png)).toEqual({ type: 'image/png', width: 2500, height: 1686 });
    expect(png.length).toBeLessThan(RICH_MENU_LIMITS.imageMaxBytes);
    expect(checkRichMenuImage(png, 'image/png', { width: 2500, height: 1686 })).toBeNull();
    const drawn = svg.replace(/<[^>]+>/g, '').replace(/\s+/g, '');
    for (const e of config.menu) expect(drawn).toContain(decomposeSaraAm(e.labelTh).replace(/\s+/g, ''));
  });

  it('renders a compact (2500×843) menu too', () => {
    const { png } = richMenuImage({ ...config, richMenu: { ...config.richMenu, height: 843 } });
    expect(imageSize(png)).toMatchObject({ width: 2500, height: 843 });
  });

  it('shapes Thai: marks take no width, and a tone mark climbs over an upper vowel instead of overlapping it', () => {
    // Without shaping (rustybuzz applying the font's GPOS) the tone mark of กี่ sits where it sits in ก่,
    // on top of the vowel; in a font without Thai every character is a box of its own width.
    expect(textWidth('ร้อง', 100, 700)).toBeCloseTo(textWidth('รอง', 100, 700), 0);
    expect(textBox('ก่', 100, 700).y - textBox('กี่', 100, 700).y).toBeGreaterThan(20);
  });

  it('names an unknown icon', () => {
    expect(() => richMenuImage({ ...config, menu: [{ ...config.menu[0]!, icon: 'no-such-icon' }] })).toThrow(/Unknown icon "no-such-icon"/);
  });
});

describe('SARA AM', () => {
  it('takes the width of SARA AA (resvg alone would draw its า under the next letter), with a tone mark over the nikhahit', () => {
    expect(textWidth('ตำบล', 100, 700)).toBeCloseTo(textWidth('ตาบล', 100, 700), 0);
    expect(textBox('น้ำ', 100, 700).y).toBeLessThan(textBox('นำ', 100, 700).y - 10);
  });
});
