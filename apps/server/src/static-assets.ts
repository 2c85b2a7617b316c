import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.js', '.mjs', '.css', '.html', '.json', '.svg', '.txt', '.map']);

export interface Asset {
  readonly body: Uint8Array;
  readonly gzip: Uint8Array | null;
  readonly brotli: Uint8Array | null;
  readonly type: string;
  readonly etag: string;
}

/**
 * A built directory held in memory, each text file compressed once at start (brotli and gzip), so that
 * serving an asset is a map lookup. The widget and portal together are a few hundred kilobytes.
 */
export class AssetDirectory {
  readonly #files = new Map<string, Asset>();
  readonly root: string;

  constructor(root: string) {
    this.root = root;
    if (existsSync(root)) this.#load(root);
  }

  get empty(): boolean {
    return this.#files.size === 0;
  }

  #load(dir: string): void {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        this.#load(path);
        continue;
      }
      const ext = extname(name);
      const body = readFileSync(path);
      const compress = COMPRESSIBLE.has(ext) && body.length > 256;
      this.#files.set(relative(this.root, path).split(sep).join('/'), {
        body,
        gzip: compress ? gzipSync(body, { level: 9 }) : null,
        brotli: compress ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }) : null,
        type: TYPES[ext] ?? 'application/octet-stream',
        etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      });
    }
  }

  get(path: string): Asset | undefined {
    return this.#files.get(path.replace(/^\/+/, ''));
  }
}

/** Builds the response for an asset, honouring Accept-Encoding and If-None-Match. */
export function assetResponse(asset: Asset, request: Request, headers: Record<string, string>): Response {
  const responseHeaders = new Headers(headers);
  responseHeaders.set('Content-Type', asset.type);
  responseHeaders.set('ETag', asset.etag);
  responseHeaders.set('Vary', 'Accept-Encoding');
  if (request.headers.get('if-none-match') === asset.etag) {
    return new Response(null, { status: 304, headers: responseHeaders });
  }
  const accept = request.headers.get('accept-encoding') ?? '';
  let body = asset.body;
  if (asset.brotli && /\bbr\b/.test(accept)) {
    body = asset.brotli;
    responseHeaders.set('Content-Encoding', 'br');
  } else if (asset.gzip && /\bgzip\b/.test(accept)) {
    body = asset.gzip;
    responseHeaders.set('Content-Encoding', 'gzip');
  }
  responseHeaders.set('Content-Length', String(body.byteLength));
  return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers: responseHeaders });
}
