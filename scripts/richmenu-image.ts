import { richMenuGrid, type MenuEntry, type RichMenuConfig } from '@banmae/domain';
import { svgText, fitText, FONT_FAMILY, icon, renderPng } from './svg-render.ts';

/**
 * The rich menu's image, drawn from the configuration: one tile per entry where LINE's tap areas are
 * (the same grid as the definition), an icon in a circle and the manual's label in Sarabun. Sizes are
 * chosen for a phone: the 2500 px image is shown about 400 points wide, so 76 px text reads as 12 pt.
 */
const GAP = 14;

function tile(entry: MenuEntry, b: { x: number; y: number; width: number; height: number }, colours: RichMenuConfig['colours']): string {
  const x = b.x + GAP;
  const y = b.y + GAP;
  const w = b.width - 2 * GAP;
  const h = b.height - 2 * GAP;
  const cx = x + w / 2;
  const radius = Math.round(Math.min(w, h) * 0.2);
  const iconSize = Math.round(radius * 1.15);
  const circleY = y + Math.round(h * 0.1) + radius;
  // Two lines if the label fits in two at a readable size, else three at the full size.
  const two = fitText(entry.labelTh, { size: 84, minSize: 68, weight: 700, maxWidth: w - 120, maxLines: 2 });
  const text = two.lines.length <= 2 ? two : fitText(entry.labelTh, { size: 84, minSize: 56, weight: 700, maxWidth: w - 120, maxLines: 3 });
  const lineHeight = Math.round(text.size * 1.3);
  const textTop = circleY + radius + Math.round(h * 0.06);
  const free = y + h - textTop - Math.round(h * 0.04);
  const first = textTop + Math.max(0, Math.round((free - lineHeight * text.lines.length) / 2)) + Math.round(text.size * 0.95);
  const lines = text.lines
    .map(
      (l, i) =>
        `<text x="${cx}" y="${first + i * lineHeight}" text-anchor="middle" font-family="${FONT_FAMILY}" font-weight="700" font-size="${text.size}" fill="${colours.label}">${svgText(l)}</text>`,
    )
    .join('');
  return [
    `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="36" fill="${colours.tile}"/>`,
    `<circle cx="${cx}" cy="${circleY}" r="${radius}" fill="${colours.icon}"/>`,
    icon(entry.icon, cx - iconSize / 2, circleY - iconSize / 2, iconSize, colours.tile),
    lines,
  ].join('');
}

export function richMenuSvg(config: { menu: MenuEntry[]; richMenu: RichMenuConfig }): string {
  const { height, colours } = config.richMenu;
  const bounds = richMenuGrid(config.menu.length, height);
  const tiles = config.menu.map((entry, i) => tile(entry, bounds[i]!, colours)).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="2500" height="${height}" viewBox="0 0 2500 ${height}"><rect width="2500" height="${height}" fill="${colours.background}"/>${tiles}</svg>`;
}

export function richMenuImage(config: { menu: MenuEntry[]; richMenu: RichMenuConfig }): { svg: string; png: Buffer } {
  const svg = richMenuSvg(config);
  return { svg, png: renderPng(svg) };
}
