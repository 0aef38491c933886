import { describe, expect, it } from 'vitest';
import type { IndexHtmlTransformContext } from 'vite';
import { preloadSessionChunks } from './preload-session-chunks.ts';

const chunk = (fileName: string, moduleIds: string[], imports: string[] = []) => ({
  type: 'chunk',
  fileName,
  facadeModuleId: moduleIds[0],
  moduleIds,
  imports,
});
const bundle = {
  'assets/index-a.js': chunk('assets/index-a.js', ['/w/index.html', '/w/src/liff/main.tsx'], ['assets/env-b.js']),
  'assets/env-b.js': chunk('assets/env-b.js', ['/w/src/liff/env.ts']),
  'assets/liff-c.js': chunk('assets/liff-c.js', ['/w/src/liff/boot/liff-client.ts'], ['assets/env-b.js', 'assets/runtime-d.js']),
  'assets/runtime-d.js': chunk('assets/runtime-d.js', ['\0rolldown/runtime']),
  'assets/style.css': { type: 'asset', fileName: 'assets/style.css' },
};
const html =
  '<head>\n<script type="module" crossorigin src="/assets/index-a.js"></script>\n<link rel="modulepreload" crossorigin href="/assets/env-b.js">\n</head>';

function transform(sources: string[], over: Partial<IndexHtmlTransformContext> = { bundle: bundle as never }): string {
  const plugin = preloadSessionChunks(() => sources);
  (plugin.configResolved as (c: { mode: string }) => void)({ mode: 'production' });
  const hook = plugin.transformIndexHtml as { handler: (h: string, c: Partial<IndexHtmlTransformContext>) => string };
  return hook.handler(html, over);
}

describe('preloadSessionChunks: the session chunks download beside the page’s first chunk', () => {
  it('names the chunk of each session module and what it imports, low priority, once, leaving out what the page already loads', () => {
    const out = transform(['src/liff/boot/liff-client.ts']);
    expect(out).toContain('<link rel="modulepreload" crossorigin fetchpriority="low" href="/assets/liff-c.js">');
    expect(out).toContain('<link rel="modulepreload" crossorigin fetchpriority="low" href="/assets/runtime-d.js">');
    expect(out.match(/env-b\.js/g)).toHaveLength(1); // already in the HTML
    expect(out.indexOf('liff-c.js')).toBeLessThan(out.indexOf('</head>'));
  });

  it('fails the build when a session module is in no chunk (a rename the list missed), rather than preloading nothing', () => {
    expect(() => transform(['src/liff/boot/renamed.ts'])).toThrow(/no chunk holds src\/liff\/boot\/renamed\.ts/);
  });

  it('leaves the HTML alone outside a build (the dev server has no bundle)', () => {
    expect(transform(['src/liff/boot/liff-client.ts'], {})).toBe(html);
  });
});
