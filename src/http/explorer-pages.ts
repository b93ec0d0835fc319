/**
 * Serves the explorer (GET /explorer), GraphiQL (GET /graphiql) and their assets
 * (GET /explorer/assets/<name>) from the folder explorer/build.mjs writes, dist/explorer.
 *
 * - Pages are revalidated on every load (`no-cache` with an ETag); assets carry a content
 *   hash in their names, so they are cached for a year as immutable.
 * - Every answer carries a Content-Security-Policy that allows this origin only: scripts
 *   and styles from files (no inline code), data: for the fonts and icons bundled in the
 *   CSS, fetches to this origin (/graphql), no frames, no plugins.
 * - An asset name is one path segment of safe characters, looked up directly under
 *   assets/; anything else under /explorer/ is a 404. No decoded path ever reaches the
 *   file system, so `..`, encoded slashes and the like cannot leave the folder.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Routes } from './routes';

export interface ExplorerOptions {
  /** The folder explorer/build.mjs wrote: index.html, graphiql.html and assets/. */
  readonly distDir: string;
}


export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

const PAGES: Record<string, string> = {
  '/explorer': 'index.html',
  '/explorer/': 'index.html',
  '/explorer/index.html': 'index.html',
  '/graphiql': 'graphiql.html',
  '/graphiql/': 'graphiql.html',
};

const ASSET_PREFIX = '/explorer/assets/';

/** One path segment: letters, digits, '.', '_' and '-', not starting with a dot. */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,200}$/;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.map', '.json', '.txt', '.svg']);

const PAGE_CACHE = 'no-cache';
const ASSET_CACHE = 'public, max-age=31536000, immutable';

interface Loaded {
  readonly mtimeMs: number;
  readonly size: number;
  readonly body: Buffer;
  readonly gzip: Buffer | null;
  readonly etag: string;
}

export function explorerRoutes(options: ExplorerOptions): Routes {
  const distDir = path.resolve(options.distDir);
  const assetsDir = path.join(distDir, 'assets');
  const files = new FileCache();

  return async (req, res, url) => {
    const page = PAGES[url.pathname];
    const asset = url.pathname.startsWith(ASSET_PREFIX) ? url.pathname.slice(ASSET_PREFIX.length) : null;
    const ours = page !== undefined || url.pathname.startsWith('/explorer/');
    if (!ours) return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      sendText(res, 405, `${req.method ?? 'This method'} is not allowed here; the explorer's pages and assets answer GET and HEAD.`, { allow: 'GET, HEAD' });
      return true;
    }
    if (page !== undefined) {
      if (await sendFile(req, res, files, path.join(distDir, page), PAGE_CACHE)) return true;
      sendText(res, 404, `The explorer has not been built: ${path.join(distDir, page)} is missing. Run \`node explorer/build.mjs\` (part of \`npm run build\`), then reload.`);
      return true;
    }
    if (asset !== null && ASSET_NAME.test(asset) && (await sendFile(req, res, files, path.join(assetsDir, asset), ASSET_CACHE))) return true;
    sendText(res, 404, `There is no explorer file at ${url.pathname}.`);
    return true;
  };
}

/** Files already read, kept while their size and modification time stay the same. */
class FileCache {
  private readonly cache = new Map<string, Loaded>();

  async load(file: string): Promise<Loaded | null> {
    let info;
    try {
      info = await stat(file);
    } catch {
      return null;
    }
    if (!info.isFile()) return null;
    const known = this.cache.get(file);
    if (known && known.mtimeMs === info.mtimeMs && known.size === info.size) return known;
    const body = await readFile(file);
    const loaded: Loaded = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      body,
      gzip: COMPRESSIBLE.has(path.extname(file)) && body.length > 1024 ? gzipSync(body) : null,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    };
    this.cache.set(file, loaded);
    return loaded;
  }
}

function sendText(res: ServerResponse, status: number, text: string, extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', ...extra });
  res.end(text);
}

/** Answers with `file` (304 when the client's etag matches, gzip when it accepts it); false when there is no such file to serve. */
async function sendFile(req: IncomingMessage, res: ServerResponse, files: FileCache, file: string, cacheControl: string): Promise<boolean> {
  const loaded = await files.load(file);
  if (!loaded) return false;
  const type = CONTENT_TYPES[path.extname(file)];
  if (!type) return false;
  const headers: Record<string, string> = { ...SECURITY_HEADERS, 'content-type': type, 'cache-control': cacheControl, etag: loaded.etag, vary: 'accept-encoding' };
  if (req.headers['if-none-match'] === loaded.etag) {
    res.writeHead(304, headers);
    res.end();
    return true;
  }
  const gzip = loaded.gzip !== null && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  const body = gzip ? (loaded.gzip as Buffer) : loaded.body;
  if (gzip) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String(body.length);
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
