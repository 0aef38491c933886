import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request, type IncomingHttpHeaders } from 'node:http';
import { createSecureServer, type Http2ServerRequest, type Http2ServerResponse } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream';
import { createGzip } from 'node:zlib';
import { CLIENT_IP_HEADER, newClientIp } from '../test/support/client-ip.ts';

/**
 * Firebase Hosting sends the pages over HTTP/2 (TLS) and text gzip- or brotli-compressed. The
 * Hosting emulator speaks HTTP/1.1 (firebase/superstatic#277), where Chromium opens at most six
 * connections to an origin, so a page's fifteen small chunks arrive in three waves of round trips
 * that production does not have; and it compresses only responses of 1 KB and more (checked
 * 2026-11-26 with firebase-tools 15). So that the throttled timings carry what production sends, the
 * timed runs go through this proxy: HTTP/2 over TLS (a throwaway self-signed certificate; the bench's
 * browser context accepts it), gzip for text, JS, CSS, HTML and JSON the emulator left uncompressed
 * when the browser accepts it. `/api/*` (Functions behind Hosting's rewrites), already-encoded
 * responses and everything else pass through as they are. Like Hosting's CDN it names the client to
 * the functions (Fastly-Client-IP): each browser connection is one phone with its own address, so
 * lineAuth's per-client limit sees phones, and the bench needs no request interception in the
 * browser (Playwright's routing pauses every request of the page for a round trip to Node).
 */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json|manifest\+json)|image\/svg\+xml)/;
/** Connection-specific headers HTTP/1.1 may send and HTTP/2 forbids (RFC 9113 §8.2.2). */
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade'];

function compresses(path: string, req: IncomingHttpHeaders, res: IncomingHttpHeaders): boolean {
  if (path.startsWith('/api/') || res['content-encoding']) return false;
  if (!COMPRESSIBLE.test(String(res['content-type'] ?? ''))) return false;
  return /\bgzip\b/.test(String(req['accept-encoding'] ?? ''));
}

export interface CompressingProxy {
  /** Where the browser goes instead of the emulator, e.g. https://127.0.0.1:41234. */
  origin: string;
  close: () => Promise<void>;
}

/** A key and a self-signed certificate for 127.0.0.1, valid a day, made with the openssl CLI. */
function throwawayCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'bench-tls-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'].concat([
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ]),
      { stdio: 'ignore' },
    );
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A proxy to `target` (the Hosting emulator's origin) on a free local port. */
export async function startCompressingProxy(target: string): Promise<CompressingProxy> {
  const upstream = new URL(target);
  const phones = new WeakMap<object, string>();
  const handle = (req: Http2ServerRequest, res: Http2ServerResponse) => {
    const path = req.url ?? '/';
    // HTTP/2's pseudo-headers (":path", ":authority"…) are not HTTP/1.1 headers.
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !name.startsWith(':')));
    const session = req.stream.session;
    if (path.startsWith('/api/') && session) {
      if (!phones.has(session)) phones.set(session, newClientIp());
      headers[CLIENT_IP_HEADER] = phones.get(session);
    }
    const forward = request({ host: upstream.hostname, port: upstream.port, method: req.method, path, headers: { ...headers, host: upstream.host } }, (up) => {
      const answer: IncomingHttpHeaders = { ...up.headers };
      for (const name of HOP_BY_HOP) delete answer[name];
      if (!compresses(path, req.headers, up.headers)) {
        res.writeHead(up.statusCode ?? 502, answer);
        pipeline(up, res, () => undefined);
        return;
      }
      delete answer['content-length'];
      res.writeHead(up.statusCode ?? 502, { ...answer, 'content-encoding': 'gzip', vary: 'Accept-Encoding' });
      pipeline(up, createGzip(), res, () => undefined);
    });
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    pipeline(req, forward, () => undefined);
  };
  const server = createSecureServer({ ...throwawayCertificate(), allowHTTP1: false }, handle);
  const sessions = new Set<{ destroy: () => void }>();
  server.on('session', (s) => {
    sessions.add(s);
    s.on('close', () => sessions.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sessions) s.destroy();
        server.close(() => resolve());
      }),
  };
}
