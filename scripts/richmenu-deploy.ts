import { createHash } from 'node:crypto';
import type { messagingApi } from '@line/bot-sdk';
import { checkRichMenu, type RichMenuDefinition } from '@banmae/domain';

/**
 * Makes the configured rich menu the OA's default, idempotently. LINE cannot change a menu or its image
 * (createRichMenu is limited to 100 an hour), so each menu carries a fingerprint of its definition and
 * image source in its name: an unchanged configuration finds its menu and creates nothing; a changed
 * one creates the new menu, makes it the default, then deletes the old ones of the same base name.
 * Menus of other names (made by hand, or by another tool) are left alone.
 */
export interface RichMenuClients {
  api: messagingApi.MessagingApiClient;
  blob: messagingApi.MessagingApiBlobClient;
}

export interface RichMenuRelease {
  definition: RichMenuDefinition;
  /** What the image is rendered from (the SVG): the fingerprint covers it rather than the PNG's bytes, which vary with the font build. */
  imageSource: string;
  image: { bytes: Uint8Array; contentType: 'image/png' | 'image/jpeg' };
}

const SEPARATOR = '#';

export function fingerprint(definition: RichMenuDefinition, imageSource: string): string {
  // The name is left out: it is where the fingerprint goes.
  return createHash('sha256')
    .update(JSON.stringify({ ...definition, name: '' }))
    .update('\0')
    .update(imageSource)
    .digest('hex')
    .slice(0, 16);
}

/** The name the menu is created with: the configured name and the fingerprint. */
export function releaseName(release: Pick<RichMenuRelease, 'definition' | 'imageSource'>): string {
  return `${release.definition.name}${SEPARATOR}${fingerprint(release.definition, release.imageSource)}`;
}

const isOurs = (baseName: string, name: string) => name.startsWith(`${baseName}${SEPARATOR}`);

function httpStatus(err: unknown): number | undefined {
  return typeof err === 'object' && err !== null && 'status' in err ? (err as { status: number }).status : undefined;
}

/** LINE's answer for a refused call, for the operator: status and LINE's message and details. */
export function describeLineError(err: unknown): string {
  const e = err as { status?: number; body?: string; message?: string };
  return e.status ? `LINE answered ${e.status}: ${e.body ?? ''}` : String(e.message ?? err);
}

async function hasImage(clients: RichMenuClients, id: string): Promise<boolean> {
  try {
    (await clients.blob.getRichMenuImage(id)).destroy(); // only whether it exists matters, not its bytes
    return true;
  } catch (err) {
    if (httpStatus(err) === 404) return false;
    throw err;
  }
}

async function defaultMenuId(clients: RichMenuClients): Promise<string | null> {
  try {
    return (await clients.api.getDefaultRichMenuId()).richMenuId;
  } catch (err) {
    if (httpStatus(err) === 404) return null;
    throw err;
  }
}

export interface DeployResult {
  richMenuId: string;
  created: boolean;
  deleted: string[];
}

export async function deployRichMenu(clients: RichMenuClients, release: RichMenuRelease, log: (line: string) => void = () => {}): Promise<DeployResult> {
  const details = checkRichMenu(release.definition);
  if (details.length > 0) throw new Error(`the rich menu would be refused: ${details.map((d) => `${d.property}: ${d.message}`).join('; ')}`);
  const name = releaseName(release);
  const definition = { ...release.definition, name };
  const { richmenus } = await clients.api.getRichMenuList();
  const ours = richmenus.filter((m) => isOurs(release.definition.name, m.name));
  let id = ours.find((m) => m.name === name)?.richMenuId;
  const created = id === undefined;
  if (id === undefined) {
    await clients.api.validateRichMenuObject(definition);
    id = (await clients.api.createRichMenu(definition)).richMenuId;
    log(`created rich menu ${id} (${name})`);
  } else {
    log(`rich menu ${id} (${name}) is already on LINE`);
  }
  // An earlier run may have stopped between creating the menu and uploading its image.
  if (!(await hasImage(clients, id))) {
    try {
      await clients.blob.setRichMenuImage(id, new Blob([new Uint8Array(release.image.bytes)], { type: release.image.contentType }));
      log(`uploaded its image (${release.image.bytes.length} bytes)`);
    } catch (err) {
      if (created) await clients.api.deleteRichMenu(id).catch(() => undefined); // no half-made menu left behind
      throw err;
    }
  }
  if ((await defaultMenuId(clients)) !== id) {
    await clients.api.setDefaultRichMenu(id);
    log('made it the default for every follower');
  }
  const deleted: string[] = [];
  for (const old of ours) {
    if (old.richMenuId === id) continue;
    await clients.api.deleteRichMenu(old.richMenuId);
    deleted.push(old.richMenuId);
    log(`deleted the old rich menu ${old.richMenuId} (${old.name})`);
  }
  return { richMenuId: id, created, deleted };
}

export interface RichMenuStatus {
  defaultId: string | null;
  wanted: string;
  menus: { richMenuId: string; name: string; chatBarText: string; areas: number; isDefault: boolean; isCurrent: boolean }[];
  upToDate: boolean;
}

export async function richMenuStatus(clients: RichMenuClients, release: Pick<RichMenuRelease, 'definition' | 'imageSource'>): Promise<RichMenuStatus> {
  const wanted = releaseName(release);
  const defaultId = await defaultMenuId(clients);
  const { richmenus } = await clients.api.getRichMenuList();
  const menus = richmenus.map((m) => ({
    richMenuId: m.richMenuId,
    name: m.name,
    chatBarText: m.chatBarText,
    areas: m.areas.length,
    isDefault: m.richMenuId === defaultId,
    isCurrent: m.name === wanted,
  }));
  return { defaultId, wanted, menus, upToDate: menus.some((m) => m.isDefault && m.isCurrent) };
}
