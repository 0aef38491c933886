import { randomBytes } from 'node:crypto';
import { checkRichMenu, checkRichMenuImage, type RichMenuDefinition } from '@banmae/domain';

/**
 * The stand-in's rich menus, with LINE's checks (domain/src/rich-menu.ts) and LINE's answers: a
 * definition LINE refuses gets its 400 with details, an image only once per menu and only of the
 * menu's size, type and weight, a default only for a menu with an image, createRichMenu at most 100
 * times an hour.
 */
export interface StoredRichMenu extends RichMenuDefinition {
  richMenuId: string;
  image?: { contentType: string; bytes: Buffer };
}

export type Answer = [number, unknown] | [number, Buffer, string];

const CREATES_PER_HOUR = 100;
const NOT_FOUND: Answer = [404, { message: 'Not found' }];

export class RichMenus {
  menus = new Map<string, StoredRichMenu>();
  defaultId: string | null = null;
  private creations: number[] = [];

  reset(): void {
    this.menus.clear();
    this.defaultId = null;
    this.creations = [];
  }

  validate(body: unknown): Answer {
    const details = checkRichMenu(body);
    return details.length > 0 ? [400, { message: `The request body has ${details.length} error(s)`, details }] : [200, {}];
  }

  create(body: unknown): Answer {
    const [status, answer] = this.validate(body);
    if (status !== 200) return [status, answer];
    const now = Date.now();
    this.creations = this.creations.filter((t) => now - t < 60 * 60 * 1000);
    if (this.creations.length >= CREATES_PER_HOUR) return [429, { message: 'Too many requests' }];
    this.creations.push(now);
    const m = body as RichMenuDefinition;
    const richMenuId = `richmenu-${randomBytes(16).toString('hex')}`;
    this.menus.set(richMenuId, { richMenuId, size: m.size, selected: m.selected, name: m.name, chatBarText: m.chatBarText, areas: m.areas });
    return [200, { richMenuId }];
  }

  private view(m: StoredRichMenu): RichMenuDefinition & { richMenuId: string } {
    return { richMenuId: m.richMenuId, size: m.size, selected: m.selected, name: m.name, chatBarText: m.chatBarText, areas: m.areas };
  }

  list(): Answer {
    return [200, { richmenus: [...this.menus.values()].map((m) => this.view(m)) }];
  }

  get(id: string): Answer {
    const m = this.menus.get(id);
    return m ? [200, this.view(m)] : NOT_FOUND;
  }

  delete(id: string): Answer {
    if (!this.menus.delete(id)) return NOT_FOUND;
    if (this.defaultId === id) this.defaultId = null;
    return [200, {}];
  }

  upload(id: string, bytes: Buffer, contentType: string | undefined): Answer {
    const m = this.menus.get(id);
    if (!m) return NOT_FOUND;
    if (m.image) return [400, { message: 'An image has already been uploaded to the richmenu' }];
    const refused = checkRichMenuImage(bytes, contentType, m.size);
    if (refused) return [refused.status, { message: refused.message }];
    m.image = { contentType: contentType!.split(';')[0]!.trim(), bytes };
    return [200, {}];
  }

  download(id: string): Answer {
    const image = this.menus.get(id)?.image;
    return image ? [200, image.bytes, image.contentType] : NOT_FOUND;
  }

  setDefault(id: string): Answer {
    const m = this.menus.get(id);
    if (!m) return NOT_FOUND;
    if (!m.image) return [400, { message: 'must upload richmenu image before applying it to user' }];
    this.defaultId = id;
    return [200, {}];
  }

  getDefault(): Answer {
    return this.defaultId ? [200, { richMenuId: this.defaultId }] : [404, { message: 'no default richmenu' }];
  }

  cancelDefault(): Answer {
    this.defaultId = null;
    return [200, {}];
  }

  /** Routes LINE's rich-menu paths (api.line.me and api-data.line.me, both served at the stand-in's root). */
  route(method: string, path: string, bytes: Buffer, contentType: string | undefined): Answer | null {
    const json = () => {
      try {
        return JSON.parse(bytes.toString('utf8')) as unknown;
      } catch {
        return undefined;
      }
    };
    if (method === 'POST' && path === '/v2/bot/richmenu') return this.create(json());
    if (method === 'POST' && path === '/v2/bot/richmenu/validate') return this.validate(json());
    if (method === 'GET' && path === '/v2/bot/richmenu/list') return this.list();
    if (path === '/v2/bot/user/all/richmenu') {
      if (method === 'GET') return this.getDefault();
      if (method === 'DELETE') return this.cancelDefault();
    }
    const setDefault = /^\/v2\/bot\/user\/all\/richmenu\/([\w-]+)$/.exec(path);
    if (setDefault && method === 'POST') return this.setDefault(setDefault[1]!);
    const content = /^\/v2\/bot\/richmenu\/([\w-]+)\/content$/.exec(path);
    if (content) {
      if (method === 'POST') return this.upload(content[1]!, bytes, contentType);
      if (method === 'GET') return this.download(content[1]!);
    }
    const one = /^\/v2\/bot\/richmenu\/([\w-]+)$/.exec(path);
    if (one) {
      if (method === 'GET') return this.get(one[1]!);
      if (method === 'DELETE') return this.delete(one[1]!);
    }
    return null;
  }

  /** What is live, for tests and `npm run richmenu -- status` against the stand-in. */
  state(): { defaultId: string | null; menus: { richMenuId: string; name: string; image: { contentType: string; bytes: number } | null }[] } {
    return {
      defaultId: this.defaultId,
      menus: [...this.menus.values()].map((m) => ({
        richMenuId: m.richMenuId,
        name: m.name,
        image: m.image ? { contentType: m.image.contentType, bytes: m.image.bytes.length } : null,
      })),
    };
  }
}
