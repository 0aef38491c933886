import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { messagingApi } from '@line/bot-sdk';
import rawConfig from '../../config/municipality.json' with { type: 'json' };
import { deployRichMenu, type RichMenuClients } from '../../scripts/richmenu-deploy.ts';
import { buildRelease } from '../../scripts/richmenu.ts';
import { STANDIN_URL } from '../support/stack.ts';
import { standin } from '../support/standin-client.ts';

/** `npm run richmenu -- deploy` against the LINE stand-in, which checks menus and images as LINE does. */
const TOKEN = process.env.LINE_CHANNEL_ACCESS_TOKEN!;
const clients: RichMenuClients = {
  api: new messagingApi.MessagingApiClient({ channelAccessToken: TOKEN, baseURL: STANDIN_URL }),
  blob: new messagingApi.MessagingApiBlobClient({ channelAccessToken: TOKEN, baseURL: STANDIN_URL }),
};

interface LiveState {
  defaultId: string | null;
  menus: { richMenuId: string; name: string; image: { contentType: string; bytes: number } | null }[];
}
const live = async (): Promise<LiveState> => (await (await fetch(`${STANDIN_URL}/__standin/richmenus`)).json()) as LiveState;
const creations = async () => (await standin.requests('/v2/bot/richmenu')).filter((r) => r.method === 'POST' && r.status === 200).length;

const release = buildRelease();
const changedConfig = () => {
  const c = structuredClone(rawConfig);
  c.menu[3]!.labelTh = 'ข่าวสารเทศบาล';
  return c;
};

beforeEach(() => standin.reset());

describe('npm run richmenu -- deploy', () => {
  it('creates the configured menu with its image and makes it the default', async () => {
    const r = await deployRichMenu(clients, release);
    const state = await live();
    expect(state.defaultId).toBe(r.richMenuId);
    expect(state.menus).toHaveLength(1);
    expect(state.menus[0]!.image).toEqual({ contentType: 'image/png', bytes: release.image.bytes.length });
    const menu = await clients.api.getRichMenu(r.richMenuId);
    expect(menu.areas).toHaveLength(6);
    expect(menu.areas[5]!.action).toEqual({ type: 'message', label: 'ติดตามสถานะ', text: 'ติดตามสถานะ' });
  });

  it('is idempotent: deploying twice leaves one menu and creates it once', async () => {
    const first = await deployRichMenu(clients, release);
    const second = await deployRichMenu(clients, buildRelease());
    expect(second).toEqual({ richMenuId: first.richMenuId, created: false, deleted: [] });
    expect(await creations()).toBe(1);
    expect((await live()).menus).toHaveLength(1);
  });

  it('replaces the menu after a configuration change: the new one default, the old one deleted', async () => {
    const old = await deployRichMenu(clients, release);
    const next = await deployRichMenu(clients, buildRelease(changedConfig()));
    expect(next.created).toBe(true);
    expect(next.deleted).toEqual([old.richMenuId]);
    const state = await live();
    expect(state.defaultId).toBe(next.richMenuId);
    expect(state.menus.map((m) => m.richMenuId)).toEqual([next.richMenuId]);
  });

  it('leaves menus of other names alone', async () => {
    const other = await clients.api.createRichMenu({ ...release.definition, name: 'made-by-hand' });
    await deployRichMenu(clients, release);
    await deployRichMenu(clients, buildRelease(changedConfig()));
    expect((await live()).menus.map((m) => m.name)).toContain('made-by-hand');
    expect((await live()).menus.map((m) => m.richMenuId)).toContain(other.richMenuId);
  });

  it('keeps the live menu when LINE refuses the new image, and leaves no half-made menu', async () => {
    const old = await deployRichMenu(clients, release);
    const wrongSize = buildRelease({ ...changedConfig(), richMenu: { ...rawConfig.richMenu, height: 843 } });
    const broken = { ...wrongSize, definition: buildRelease(changedConfig()).definition }; // an 843-high image for a 1686-high menu
    await expect(deployRichMenu(clients, broken)).rejects.toMatchObject({ status: 400 });
    const state = await live();
    expect(state.defaultId).toBe(old.richMenuId);
    expect(state.menus.map((m) => m.richMenuId)).toEqual([old.richMenuId]);
  });

  it('status (the command) says the configured menu is live', async () => {
    await deployRichMenu(clients, release);
    const r = spawnSync(process.execPath, ['--import', 'tsx', resolve(import.meta.dirname, '../../scripts/richmenu.ts'), 'status'], {
      env: { ...process.env, LINE_API_BASE_URL: STANDIN_URL, LINE_DATA_API_BASE_URL: STANDIN_URL, LINE_CHANNEL_ACCESS_TOKEN: TOKEN },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('the default menu is the configured one');
  });
});

describe("LINE's refusals of a broken menu, as deploy reports them", () => {
  const broken: { description: string; mutate: (d: typeof release.definition) => void; property: string }[] = [
    { description: 'an area outside the image', mutate: (d) => (d.areas[2]!.bounds.width = 2000), property: 'areas[2].bounds' },
    { description: '21 areas', mutate: (d) => (d.areas = Array.from({ length: 21 }, () => d.areas[0]!)), property: 'areas' },
    { description: 'a long chat-bar text', mutate: (d) => (d.chatBarText = 'เมนูบริการประชาชน'), property: 'chatBarText' },
    {
      description: 'a javascript: URI',
      mutate: (d) => (d.areas[4]!.action = { type: 'uri', uri: 'javascript:alert(document.cookie)' }),
      property: 'areas[4].action.uri',
    },
  ];
  for (const c of broken) {
    it(`${c.description}: 400 with LINE's message and details, nothing created`, async () => {
      const definition = structuredClone(release.definition);
      c.mutate(definition);
      const err = (await clients.api.createRichMenu(definition).catch((e: unknown) => e)) as { status: number; body: string };
      expect(err.status).toBe(400);
      const body = JSON.parse(err.body) as { message: string; details: { property: string }[] };
      expect(body.message).toMatch(/^The request body has \d+ error\(s\)$/);
      expect(body.details.map((d) => d.property)).toContain(c.property);
      await expect(deployRichMenu(clients, { ...release, definition })).rejects.toThrow(/the rich menu would be refused/);
      expect((await live()).menus).toHaveLength(0);
    });
  }

  it("an image of the wrong size: 400 with LINE's message", async () => {
    const id = (await clients.api.createRichMenu({ ...release.definition, name: 'probe' })).richMenuId;
    const small = buildRelease({ ...rawConfig, richMenu: { ...rawConfig.richMenu, height: 843 } }).image.bytes;
    const err = (await clients.blob.setRichMenuImage(id, new Blob([new Uint8Array(small)], { type: 'image/png' })).catch((e: unknown) => e)) as {
      status: number;
      body: string;
    };
    expect(err.status).toBe(400);
    expect((JSON.parse(err.body) as { message: string }).message).toMatch(/Image size must match the rich menu size/);
  });
});
