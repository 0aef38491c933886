import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

/**
 * SVG to PNG with Sarabun, the Thai government's standard typeface (OFL, from the npm package
 * @expo-google-fonts/sarabun, so no system font is needed). resvg shapes text with rustybuzz: Thai
 * vowels and tone marks are placed above and below their consonants, as a browser would.
 */
export const FONT_FAMILY = 'Sarabun';
const require = createRequire(import.meta.url);

function fontFiles(): string[] {
  const files = ['400Regular/Sarabun_400Regular.ttf', '700Bold/Sarabun_700Bold.ttf'].map((f) => {
    try {
      return require.resolve(`@expo-google-fonts/sarabun/${f}`);
    } catch {
      return '';
    }
  });
  if (files.some((f) => f === '' || !existsSync(f))) {
    throw new Error('The Thai font Sarabun is missing: run `npm ci` (it comes from the npm package @expo-google-fonts/sarabun).');
  }
  return files;
}

let fonts: string[] | undefined;
function options() {
  fonts ??= fontFiles();
  return { font: { fontFiles: fonts, loadSystemFonts: false, defaultFontFamily: FONT_FAMILY }, shapeRendering: 2, textRendering: 1 } as const;
}

export function renderPng(svg: string): Buffer {
  return new Resvg(svg, options()).render().asPng();
}

export function renderRgba(svg: string): { width: number; height: number; pixels: Buffer } {
  const image = new Resvg(svg, options()).render();
  return { width: image.width, height: image.height, pixels: image.pixels };
}

const escapeXml = (s: string): string => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * SARA AM (ำ) written as NIKHAHIT + SARA AA, the nikhahit before any tone mark: what a Thai shaper does
 * itself (HarfBuzz's, and rustybuzz's). resvg 2.6 keeps the advance of only the first glyph of a
 * character the font splits in two, so a whole ำ drew its า under the next letter ("ตำบล" as "ตํขล").
 */
export function decomposeSaraAm(text: string): string {
  return text.replace(/([\u0E48-\u0E4B]*)\u0E33/g, '\u0E4D$1\u0E32');
}

/** Text for an SVG text node: shaped as it should be, and escaped. */
export const svgText = (s: string): string => escapeXml(decomposeSaraAm(s));

/** The box one line of text covers, in pixels, as resvg lays it out with the font (baseline at y = 2 × size). */
export function textBox(text: string, size: number, weight: 400 | 700): { x: number; y: number; width: number; height: number } {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="${size * 3}"><text x="0" y="${size * 2}" font-family="${FONT_FAMILY}" font-size="${size}" font-weight="${weight}">${svgText(text)}</text></svg>`;
  const b = new Resvg(svg, options()).getBBox();
  return b ? { x: b.x, y: b.y, width: b.width, height: b.height } : { x: 0, y: 0, width: 0, height: 0 };
}

export const textWidth = (text: string, size: number, weight: 400 | 700): number => textBox(text, size, weight).width;

const words = new Intl.Segmenter('th', { granularity: 'word' });

/**
 * Breaks Thai text into lines that fit a width, at word boundaries (Thai has no spaces between words:
 * ICU's dictionary finds them), shrinking the size step by step until it fits in maxLines.
 */
export function fitText(
  text: string,
  opts: { size: number; minSize: number; weight: 400 | 700; maxWidth: number; maxLines: number },
): { size: number; lines: string[] } {
  const segments = [...words.segment(text)].map((s) => s.segment);
  for (let size = opts.size; ; size -= 4) {
    const lines: string[] = [];
    let line = '';
    for (const seg of segments) {
      const candidate = line + seg;
      if (line.trim() !== '' && textWidth(candidate.trim(), size, opts.weight) > opts.maxWidth) {
        lines.push(line.trim());
        line = seg.trimStart();
      } else line = candidate;
    }
    if (line.trim() !== '') lines.push(line.trim());
    const fits = lines.length <= opts.maxLines && lines.every((l) => textWidth(l, size, opts.weight) <= opts.maxWidth);
    if (fits || size - 4 < opts.minSize) return { size, lines };
  }
}

/** An icon of lucide-static as a group placed at (x, y) with the given size and stroke colour. */
export function icon(name: string, x: number, y: number, size: number, colour: string): string {
  let file: string;
  try {
    file = require.resolve(`lucide-static/icons/${name}.svg`);
  } catch {
    throw new Error(`Unknown icon "${name}": pick a name from https://lucide.dev/icons (the package lucide-static).`);
  }
  const svg = readFileSync(file, 'utf8');
  const inner = svg.slice(svg.indexOf('>', svg.indexOf('<svg')) + 1, svg.lastIndexOf('</svg>'));
  const scale = size / 24;
  return `<g transform="translate(${x} ${y}) scale(${scale})" fill="none" stroke="${colour}" stroke-width="2" stroke-linecap="round" stroke-linejoin="round">${inner}</g>`;
}
