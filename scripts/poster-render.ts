import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import QRCode from 'qrcode';
import { PDFDocument } from 'pdf-lib';
import type { MunicipalityConfig } from '@banmae/domain';
import { svgText, fitText, FONT_FAMILY, renderPng } from './svg-render.ts';

/**
 * The A4 poster staff hand out (manual, step 1): the municipality, a headline, the OA's add-friend QR
 * code with its @ID, and the numbered steps from the configuration. Drawn as SVG at 300 dpi and
 * rendered with resvg (Thai shaped, Sarabun); the PDF holds that image on one A4 page, so print shops
 * and LINE OA posts get the same picture.
 */
export const A4 = { width: 2480, height: 3508, points: { width: 595.28, height: 841.89 } } as const;
const LINE_GREEN = '#06c755';
const INK = '#1a1a1a';

export type PosterConfig = Pick<MunicipalityConfig, 'municipality' | 'line' | 'poster' | 'richMenu'>;

export function addFriendUrl(config: Pick<MunicipalityConfig, 'line'>): string {
  // The ID is checked by the configuration (@ and [a-z0-9._-]), so it goes into the URL as LINE writes it.
  return `https://line.me/R/ti/p/${config.line.oaBasicId}`;
}

function textLines(lines: string[], x: number, y: number, size: number, weight: 400 | 700, fill: string, anchor: 'start' | 'middle'): string {
  const lineHeight = Math.round(size * 1.35);
  return lines
    .map(
      (l, i) =>
        `<text x="${x}" y="${y + i * lineHeight}" text-anchor="${anchor}" font-family="${FONT_FAMILY}" font-size="${size}" font-weight="${weight}" fill="${fill}">${svgText(l)}</text>`,
    )
    .join('');
}

/** The QR code as one SVG path of its dark modules, with the 4-module quiet zone scanners need. */
function qrSvg(url: string, x: number, y: number, size: number): string {
  const qr = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const n = qr.modules.size;
  const cell = size / (n + 8);
  let d = '';
  for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.modules.get(r, c)) d += `M${c + 4} ${r + 4}h1v1h-1z`;
  return `<g transform="translate(${x} ${y}) scale(${cell})"><rect width="${n + 8}" height="${n + 8}" fill="#ffffff"/><path d="${d}" fill="#000000" shape-rendering="crispEdges"/></g>`;
}

function logoSvg(file: string | undefined, configDir: string, x: number, y: number, size: number): string {
  if (!file) return '';
  const path = resolve(configDir, file);
  const type = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml' }[extname(path).toLowerCase()];
  if (!type) throw new Error(`poster.logoFile: ${file} is not a PNG, JPEG or SVG`);
  const data = readFileSync(path).toString('base64');
  return `<image x="${x}" y="${y}" width="${size}" height="${size}" href="data:${type};base64,${data}" preserveAspectRatio="xMidYMid meet"/>`;
}

export function posterSvg(config: PosterConfig, configDir = resolve(import.meta.dirname, '../config')): string {
  const { width, height } = A4;
  const margin = 160;
  const band = 640;
  const blue = config.richMenu.colours.background;
  const logo = logoSvg(config.poster.logoFile, configDir, margin, 150, 340);
  const nameX = logo ? margin + 400 : width / 2;
  const anchor = logo ? 'start' : 'middle';
  const nameWidth = logo ? width - nameX - margin : width - 2 * margin;
  const name = fitText(config.municipality.nameTh, { size: 150, minSize: 96, weight: 700, maxWidth: nameWidth, maxLines: 1 });
  const address = fitText(config.municipality.addressTh, { size: 72, minSize: 52, weight: 400, maxWidth: nameWidth, maxLines: 1 });
  const headline = fitText(config.poster.headlineTh, { size: 104, minSize: 72, weight: 700, maxWidth: width - 2 * margin, maxLines: 2 });
  const headlineTop = band + 200;
  const qrTop = headlineTop + Math.round(headline.size * 1.35) * (headline.lines.length - 1) + 180;
  const qrSize = 1180;
  const steps = config.poster.stepsTh.map((s) => fitText(s, { size: 76, minSize: 60, weight: 400, maxWidth: width - 2 * margin - 260, maxLines: 2 }));
  let stepY = qrTop + qrSize + 280;
  const stepRows = steps
    .map((s, i) => {
      const lineHeight = Math.round(s.size * 1.35);
      const rowHeight = Math.max(190, lineHeight * s.lines.length + 40);
      const cy = stepY + rowHeight / 2 - 20;
      const firstBaseline = Math.round(cy - ((s.lines.length - 1) * lineHeight) / 2 + s.size * 0.35);
      const row =
        `<circle cx="${margin + 80}" cy="${cy}" r="80" fill="${LINE_GREEN}"/>` +
        `<text x="${margin + 80}" y="${cy + 36}" text-anchor="middle" font-family="${FONT_FAMILY}" font-size="104" font-weight="700" fill="#ffffff">${i + 1}</text>` +
        textLines(s.lines, margin + 230, firstBaseline, s.size, 400, INK, 'start');
      stepY += rowHeight;
      return row;
    })
    .join('');
  if (stepY > height - 240) throw new Error('poster: the steps do not fit on the page: shorten poster.stepsTh or poster.headlineTh');
  const contact = `โทร ${config.municipality.phone}  ·  ${config.municipality.email}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<rect width="${width}" height="${band}" fill="${blue}"/>`,
    logo,
    textLines(name.lines, nameX, 330, name.size, 700, '#ffffff', anchor),
    textLines(address.lines, nameX, 470, address.size, 400, '#ffffff', anchor),
    textLines(headline.lines, width / 2, headlineTop, headline.size, 700, INK, 'middle'),
    `<rect x="${(width - qrSize) / 2 - 30}" y="${qrTop - 30}" width="${qrSize + 60}" height="${qrSize + 60}" rx="48" fill="none" stroke="${LINE_GREEN}" stroke-width="16"/>`,
    qrSvg(addFriendUrl(config), (width - qrSize) / 2, qrTop, qrSize),
    textLines([`LINE ID: ${config.line.oaBasicId}`], width / 2, qrTop + qrSize + 150, 100, 700, LINE_GREEN, 'middle'),
    stepRows,
    `<rect y="${height - 220}" width="${width}" height="220" fill="${blue}"/>`,
    textLines([contact], width / 2, height - 90, 64, 400, '#ffffff', 'middle'),
    '</svg>',
  ].join('');
}

export interface Poster {
  svg: string;
  png: Buffer;
  pdf: Uint8Array;
}

export async function renderPoster(config: PosterConfig, configDir?: string): Promise<Poster> {
  const svg = posterSvg(config, configDir);
  const png = renderPng(svg);
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${config.municipality.nameTh} – LINE ${config.line.oaBasicId}`);
  pdf.setSubject(config.poster.stepsTh.map((s, i) => `${i + 1}. ${s}`).join(' '));
  pdf.setCreator('banmae-line-service-desk npm run poster');
  // Fixed dates keep the PDF the same for the same configuration.
  pdf.setCreationDate(new Date(0));
  pdf.setModificationDate(new Date(0));
  const page = pdf.addPage([A4.points.width, A4.points.height]);
  page.drawImage(await pdf.embedPng(png), { x: 0, y: 0, width: A4.points.width, height: A4.points.height });
  return { svg, png, pdf: await pdf.save() };
}
