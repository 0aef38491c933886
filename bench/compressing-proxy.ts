import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';

/**
 * Firebase Hosting sends text gzip- or brotli-compressed. The Hosting emulator of firebase-tools 15
 * does too, but only for responses of 1 KB and more (checked 2026-11-26: requests with
 * `Accept-Encoding: gzip` get `Content-Encoding: gzip` for the JS chunks, none for a 754-byte CSS
 * file), a detail an upgrade may change. So that the throttled timings carry what production sends
 * whatever the emulator does, the timed runs go through this proxy: it gzips text,
 * JS, CSS, HTML and JSON the emulator left uncompressed when the browser accepts it, and passes
 * through `/api/*` (Functions behind Hosting's rewrites), already-encoded responses and everything else.
 */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json)|image\/svg\+xml)/;

function compresses(path: string, req: IncomingHttpHeaders, res: IncomingHttpHeaders): boolean {
  if (path.startsWith('/api/') || res['content-encoding']) return false;
  if (!COMPRESSIBLE.test(String(res['content-type'] ?? ''))) return false;
  return /\bgzip\b/.test(String(req['accept-encoding'] ?? ''));
}

export interface CompressingProxy {
  /** Where the browser goes instead of the emulator, e.g. http://127.0.0.1:41234. */
  origin: string;
  close: () => Promise<void>;
}

/** A proxy to `target` (the Hosting emulator's origin) on a free local port. */
export async function startCompressingProxy(target: string): Promise<CompressingProxy> {
  const upstream = new URL(target);
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    const forward = request(
      { host: upstream.hostname, port: upstream.port, method: req.method, path, headers: { ...req.headers, host: upstream.host } },
      (up) => {
        if (!compresses(path, req.headers, up.headers)) {
          res.writeHead(up.statusCode ?? 502, up.headers);
          pipeline(up, res, () => undefined);
          return;
        }
        const headers = { ...up.headers, 'content-encoding': 'gzip', vary: 'Accept-Encoding' };
        delete headers['content-length'];
        res.writeHead(up.statusCode ?? 502, headers);
        pipeline(up, createGzip(), res, () => undefined);
      },
    );
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    pipeline(req, forward, () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
