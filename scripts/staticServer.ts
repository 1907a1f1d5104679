/**
 * A static file server for a built site, for the browser benchmarks and the e2e checks that
 * serve `dist/` themselves (with headers of their choice, such as a Content-Security-Policy).
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer, type OutgoingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

export interface StaticSite {
  readonly server: Server;
  /** The site's root, ending in a slash. */
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Serves the files under `root` on a free port of 127.0.0.1, uncached, with `headers` on every
 * answer (a header that is a function gets the request path, for headers of HTML pages only).
 */
export async function serveStatic(
  root: string,
  headers: OutgoingHttpHeaders | ((path: string) => OutgoingHttpHeaders) = {},
): Promise<StaticSite> {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(base + sep)) {
      response.writeHead(403).end();
      return;
    }
    const extra = typeof headers === 'function' ? headers(path) : headers;
    readFile(file).then(
      (body) => {
        const type = MIME[extname(file)] ?? 'application/octet-stream';
        response
          .writeHead(200, { 'content-type': type, 'cache-control': 'no-store', ...extra })
          .end(body);
      },
      () => response.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    server,
    url: `http://127.0.0.1:${port}/`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
}

/**
 * Builds the app into `outDir` (never dist/, which the e2e web server uses) with `vite build`;
 * `mode` 'production' by default (no test hooks), `extra` more arguments.
 */
export function buildApp(outDir: string, options: { mode?: string; extra?: string[] } = {}): void {
  const args = ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  if (options.mode) args.push('--mode', options.mode);
  const result = spawnSync('npx', [...args, ...(options.extra ?? [])], {
    stdio: 'inherit',
    timeout: 180_000,
  });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}
