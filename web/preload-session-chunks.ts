import type { Plugin } from 'vite';

/**
 * Every citizen page starts LIFF and the Firebase sign-in at boot (src/liff/boot/session.ts) with
 * dynamic imports, so that the form renders without waiting for them. Left to the browser, those
 * downloads start only once the first chunk has arrived and run (≈ 0.5 s later on a slow phone link):
 * sign-in, and so the submit button and the status list, wait for a round trip and the page's whole
 * first chunk. This plugin names the chunks of those modules (and what they import) in the HTML as
 * `modulepreload`, so they download beside the first chunk. Low fetch priority: the first chunk
 * still comes first where the connection has to choose.
 */
/** What this plugin reads of a bundle's chunk. */
interface Chunk {
  type: 'chunk';
  fileName: string;
  facadeModuleId: string | null;
  moduleIds: string[];
  imports: string[];
}

export function preloadSessionChunks(sources: (mode: string) => string[]): Plugin {
  let wanted: string[] = [];
  return {
    name: 'preload-session-chunks',
    apply: 'build',
    configResolved(config) {
      wanted = sources(config.mode);
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, ctx) {
        if (!ctx.bundle) return html;
        const bundle = ctx.bundle as unknown as Record<string, Chunk | { type: 'asset' }>;
        const chunks = Object.values(bundle).filter((c): c is Chunk => c.type === 'chunk');
        const files = new Set<string>();
        const visit = (file: string) => {
          if (files.has(file)) return;
          files.add(file);
          const chunk = bundle[file];
          if (chunk?.type === 'chunk') chunk.imports.forEach(visit);
        };
        for (const source of wanted) {
          const chunk = chunks.find((c) => c.facadeModuleId?.endsWith(source) || c.moduleIds.some((id) => id.endsWith(source)));
          if (!chunk) throw new Error(`preload-session-chunks: no chunk holds ${source} (renamed?)`);
          visit(chunk.fileName);
        }
        const links = [...files]
          .filter((file) => !html.includes(`/${file}"`)) // the page's own chunks are in the HTML already
          .map((file) => `<link rel="modulepreload" crossorigin fetchpriority="low" href="/${file}">`);
        return html.replace('</head>', `  ${links.join('\n    ')}\n  </head>`);
      },
    },
  };
}
