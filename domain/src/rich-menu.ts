/**
 * The OA's rich menu as LINE's createRichMenu takes it, generated from config/municipality.json, and
 * LINE's own checks on a rich menu and its image (PLATFORM-FACTS.md, Messaging API reference). The
 * configuration validation, the deploy script and the LINE stand-in all judge a menu with these, so a
 * menu that LINE would refuse stops at `npm run build` instead of at deployment.
 */

export const RICH_MENU_LIMITS = {
  width: 2500,
  /** The two heights LINE's own templates use: a full menu (two rows) and a compact one (one row). */
  heights: [1686, 843] as const,
  minWidth: 800,
  maxWidth: 2500,
  minHeight: 250,
  minRatio: 1.45,
  maxAreas: 20,
  chatBarTextMax: 14,
  nameMax: 300,
  actionLabelMax: 20,
  messageTextMax: 300,
  uriMax: 1000,
  imageMaxBytes: 1024 * 1024,
  imageTypes: ['image/png', 'image/jpeg'] as const,
} as const;

export type RichMenuAction = { type: 'uri'; label?: string; uri: string } | { type: 'message'; label?: string; text: string };

export interface RichMenuBounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface RichMenuDefinition {
  size: { width: number; height: number };
  selected: boolean;
  name: string;
  chatBarText: string;
  areas: { bounds: RichMenuBounds; action: RichMenuAction }[];
}

/** One entry of config.menu: a tile of the rich menu and a line of the follow greeting. */
export interface MenuEntry {
  id: string;
  /** The manual's wording, drawn on the tile. */
  labelTh: string;
  /** Spoken by screen readers (LINE's action label, at most 20 characters) when labelTh is longer. */
  shortLabelTh?: string;
  /** What the entry does, one line in the follow greeting. */
  descriptionTh: string;
  /** An icon name of lucide-static (scripts/richmenu-image.ts). */
  icon: string;
  action: { type: 'uri'; uri: string } | { type: 'message'; text: string };
}

export interface RichMenuConfig {
  /** Identifies our menu among the channel's; the deploy script compares definitions, not names. */
  name: string;
  chatBarTextTh: string;
  height: (typeof RICH_MENU_LIMITS.heights)[number];
  colours: { background: string; tile: string; icon: string; label: string };
}

/** LINE counts text lengths in characters; Thai marks are characters of their own (code points). */
export const characters = (s: string): number => [...s].length;

/** A grid of tiles: two rows on a full-height menu, one on a compact one; columns as the entries need. */
export function richMenuGrid(entries: number, height: number): RichMenuBounds[] {
  const rows = height >= RICH_MENU_LIMITS.heights[0] ? 2 : 1;
  const cols = Math.max(1, Math.ceil(entries / rows));
  const xs = Array.from({ length: cols + 1 }, (_, i) => Math.round((i * RICH_MENU_LIMITS.width) / cols));
  const ys = Array.from({ length: rows + 1 }, (_, i) => Math.round((i * height) / rows));
  return Array.from({ length: entries }, (_, i) => {
    const c = i % cols;
    const r = Math.floor(i / cols);
    return { x: xs[c]!, y: ys[r]!, width: xs[c + 1]! - xs[c]!, height: ys[r + 1]! - ys[r]! };
  });
}

function actionOf(entry: MenuEntry): RichMenuAction {
  const label = entry.shortLabelTh ?? entry.labelTh;
  return entry.action.type === 'uri' ? { type: 'uri', label, uri: entry.action.uri } : { type: 'message', label, text: entry.action.text };
}

/** The menu LINE shows every follower by default (selected: open when the chat opens). */
export function richMenuDefinition(config: { menu: MenuEntry[]; richMenu: RichMenuConfig }): RichMenuDefinition {
  const bounds = richMenuGrid(config.menu.length, config.richMenu.height);
  return {
    size: { width: RICH_MENU_LIMITS.width, height: config.richMenu.height },
    selected: true,
    name: config.richMenu.name,
    chatBarText: config.richMenu.chatBarTextTh,
    areas: config.menu.map((entry, i) => ({ bounds: bounds[i]!, action: actionOf(entry) })),
  };
}

export interface LineErrorDetail {
  message: string;
  property: string;
}

const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

/** LINE's URI action schemes; `javascript:` and friends are refused. */
export const ACTION_URI = /^(https?|line|tel):/;

function checkAction(a: unknown, at: string, details: LineErrorDetail[]): void {
  const action = (a ?? {}) as Record<string, unknown>;
  if (action.label !== undefined && (typeof action.label !== 'string' || characters(action.label) > RICH_MENU_LIMITS.actionLabelMax)) {
    details.push({ message: `Length must be between 0 and ${RICH_MENU_LIMITS.actionLabelMax}`, property: `${at}.label` });
  }
  switch (action.type) {
    case 'uri': {
      const uri = action.uri;
      if (typeof uri !== 'string' || uri.length === 0 || uri.length > RICH_MENU_LIMITS.uriMax || !ACTION_URI.test(uri)) {
        details.push({ message: `must be an http, https, line or tel URI of at most ${RICH_MENU_LIMITS.uriMax} characters`, property: `${at}.uri` });
      }
      return;
    }
    case 'message': {
      const text = action.text;
      if (typeof text !== 'string' || text.trim() === '' || characters(text) > RICH_MENU_LIMITS.messageTextMax) {
        details.push({ message: `Length must be between 1 and ${RICH_MENU_LIMITS.messageTextMax}`, property: `${at}.text` });
      }
      return;
    }
    default:
      // LINE knows more (postback, datetimepicker, richmenuswitch, camera…); this desk answers none of them.
      details.push({ message: 'Must be one of the following values: [uri, message]', property: `${at}.type` });
  }
}

/** LINE's checks of a createRichMenu body, as LINE words them (property paths, 400 details). */
export function checkRichMenu(body: unknown): LineErrorDetail[] {
  const details: LineErrorDetail[] = [];
  const m = (body ?? {}) as Record<string, unknown>;
  const size = (m.size ?? {}) as Record<string, unknown>;
  const { width, height } = size;
  if (!isInt(width) || width < RICH_MENU_LIMITS.minWidth || width > RICH_MENU_LIMITS.maxWidth) {
    details.push({ message: `must be between ${RICH_MENU_LIMITS.minWidth} and ${RICH_MENU_LIMITS.maxWidth}`, property: 'size.width' });
  }
  if (!isInt(height) || height < RICH_MENU_LIMITS.minHeight)
    details.push({ message: `must be at least ${RICH_MENU_LIMITS.minHeight}`, property: 'size.height' });
  else if (isInt(width) && width / height < RICH_MENU_LIMITS.minRatio) {
    details.push({ message: `width/height must be at least ${RICH_MENU_LIMITS.minRatio}`, property: 'size' });
  }
  if (typeof m.selected !== 'boolean') details.push({ message: 'must be specified', property: 'selected' });
  if (typeof m.name !== 'string' || m.name === '' || characters(m.name) > RICH_MENU_LIMITS.nameMax) {
    details.push({ message: `Length must be between 1 and ${RICH_MENU_LIMITS.nameMax}`, property: 'name' });
  }
  if (typeof m.chatBarText !== 'string' || m.chatBarText === '' || characters(m.chatBarText) > RICH_MENU_LIMITS.chatBarTextMax) {
    details.push({ message: `Length must be between 1 and ${RICH_MENU_LIMITS.chatBarTextMax}`, property: 'chatBarText' });
  }
  const areas = m.areas;
  if (!Array.isArray(areas) || areas.length < 1 || areas.length > RICH_MENU_LIMITS.maxAreas) {
    details.push({ message: `Size must be between 1 and ${RICH_MENU_LIMITS.maxAreas}`, property: 'areas' });
    return details;
  }
  areas.forEach((area, i) => {
    const at = `areas[${i}]`;
    const a = (area ?? {}) as { bounds?: Record<string, unknown>; action?: unknown };
    const b = a.bounds ?? {};
    const inside =
      isInt(b.x) &&
      isInt(b.y) &&
      isInt(b.width) &&
      isInt(b.height) &&
      b.x >= 0 &&
      b.y >= 0 &&
      b.width > 0 &&
      b.height > 0 &&
      (!isInt(width) || b.x + b.width <= width) &&
      (!isInt(height) || b.y + b.height <= height);
    if (!inside) details.push({ message: 'must be within the rich menu image', property: `${at}.bounds` });
    checkAction(a.action, `${at}.action`, details);
  });
  return details;
}

/** The pixel size of a PNG or JPEG, read from its header; null for anything else. */
export function imageSize(bytes: Uint8Array): { type: 'image/png' | 'image/jpeg'; width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length >= 24 && png.every((b, i) => bytes[i] === b)) return { type: 'image/png', width: view.getUint32(16), height: view.getUint32(20) };
  if (bytes.length >= 4 && bytes[0] === 0xff && bytes[1] === 0xd8) {
    let i = 2;
    while (i + 9 < bytes.length) {
      if (bytes[i] !== 0xff) return null;
      const marker = bytes[i + 1]!;
      const length = view.getUint16(i + 2);
      // SOF0-SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'image/jpeg', height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
      }
      i += 2 + length;
    }
  }
  return null;
}

/** LINE's checks of an uploaded rich menu image against its menu; null when LINE would take it. */
export function checkRichMenuImage(
  bytes: Uint8Array,
  contentType: string | undefined,
  menuSize: { width: number; height: number },
): { status: number; message: string } | null {
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!(RICH_MENU_LIMITS.imageTypes as readonly string[]).includes(type)) return { status: 415, message: 'Unsupported media type' };
  if (bytes.length > RICH_MENU_LIMITS.imageMaxBytes) return { status: 413, message: 'Request Entity Too Large' };
  const size = imageSize(bytes);
  if (!size || size.type !== type) return { status: 400, message: 'Invalid image' };
  if (size.width !== menuSize.width || size.height !== menuSize.height) {
    return { status: 400, message: `Image size must match the rich menu size (${menuSize.width}x${menuSize.height}), got ${size.width}x${size.height}` };
  }
  return null;
}
