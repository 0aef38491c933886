import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { messagingApi } from '@line/bot-sdk';
import { parseMunicipalityConfig, richMenuDefinition } from '@banmae/domain';
import rawConfig from '../config/municipality.json' with { type: 'json' };
import { deployRichMenu, describeLineError, richMenuStatus, type RichMenuClients, type RichMenuRelease } from './richmenu-deploy.ts';
import { richMenuImage } from './richmenu-image.ts';

/**
 * `npm run richmenu -- preview [file]`: renders the rich menu's image (default test-results/rich-menu.png).
 * `npm run richmenu -- deploy [--local]`: creates the menu on LINE, uploads its image, makes it the default
 *   and deletes the menu it replaces; an unchanged configuration creates nothing (richmenu-deploy.ts).
 * `npm run richmenu -- status [--local]`: what is live, and whether it is the configured menu.
 * LINE: LINE_CHANNEL_ACCESS_TOKEN (the Messaging API channel's long-lived token). `--local` talks to the
 * LINE stand-in of a running `npm start` instead, with the throw-away token it wrote to functions/.secret.local.
 */
const ROOT = resolve(import.meta.dirname, '..');
const STANDIN_URL = 'http://127.0.0.1:9200';
const [command = 'preview', ...args] = process.argv.slice(2);

export function buildRelease(raw: unknown = rawConfig): RichMenuRelease {
  const config = parseMunicipalityConfig(raw);
  const { svg, png } = richMenuImage(config);
  return { definition: richMenuDefinition(config), imageSource: svg, image: { bytes: png, contentType: 'image/png' } };
}

function localToken(): string {
  try {
    const line = readFileSync(resolve(ROOT, 'functions/.secret.local'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('LINE_CHANNEL_ACCESS_TOKEN='));
    if (line) return line.slice('LINE_CHANNEL_ACCESS_TOKEN='.length).trim();
  } catch {
    // reported below
  }
  throw new Error('No local stand-in token: start the local stack with `npm start` first.');
}

function clients(): RichMenuClients {
  const local = args.includes('--local');
  const token = local ? localToken() : process.env.LINE_CHANNEL_ACCESS_TOKEN;
  if (!token) throw new Error('Set LINE_CHANNEL_ACCESS_TOKEN to the Messaging API channel access token, or add --local to use the stand-in of `npm start`.');
  const apiBase = local ? STANDIN_URL : (process.env.LINE_API_BASE_URL ?? 'https://api.line.me');
  const dataBase = local ? STANDIN_URL : (process.env.LINE_DATA_API_BASE_URL ?? process.env.LINE_API_BASE_URL ?? 'https://api-data.line.me');
  for (const base of [apiBase, dataBase]) {
    // The token goes to these hosts: plain http only to this machine (the stand-in).
    if (!/^https:\/\//.test(base) && !/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(base))
      throw new Error(`refusing to send the channel access token to ${base}`);
  }
  return {
    api: new messagingApi.MessagingApiClient({ channelAccessToken: token, baseURL: apiBase }),
    blob: new messagingApi.MessagingApiBlobClient({ channelAccessToken: token, baseURL: dataBase }),
  };
}

async function main(): Promise<void> {
  switch (command) {
    case 'preview': {
      const file = resolve(ROOT, args.find((a) => !a.startsWith('--')) ?? 'test-results/rich-menu.png');
      const { image } = buildRelease();
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, image.bytes);
      console.log(`wrote ${file} (${image.bytes.length} bytes)`);
      return;
    }
    case 'deploy': {
      const result = await deployRichMenu(clients(), buildRelease(), (line) => console.log(line));
      console.log(result.created ? `rich menu ${result.richMenuId} is the default` : `no change: rich menu ${result.richMenuId} is the default`);
      return;
    }
    case 'status': {
      const status = await richMenuStatus(clients(), buildRelease());
      for (const m of status.menus) {
        console.log(
          `${m.isDefault ? '* default ' : '          '}${m.richMenuId}  ${m.name}  "${m.chatBarText}"  ${m.areas} areas${m.isCurrent ? '  (as configured)' : ''}`,
        );
      }
      if (status.menus.length === 0) console.log('no rich menu on LINE');
      console.log(status.upToDate ? 'the default menu is the configured one' : 'the default menu is NOT the configured one: run `npm run richmenu -- deploy`');
      return;
    }
    default:
      throw new Error(`unknown command "${command}": use preview, deploy or status`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err: unknown) => {
    console.error(`richmenu ${command}: ${describeLineError(err)}`);
    process.exit(1);
  });
}
