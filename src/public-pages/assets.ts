import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A static file of the public pages, read once: its bytes, type and a digest for the ETag and cache-busting. */
export interface PublicAsset {
  name: string;
  contentType: string;
  body: Buffer;
  etag: string;
  /** The URL the pages link to: the digest in the query, so that a changed file is fetched again at once. */
  href: string;
}

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The files under `assets/` the pages use (copied beside the compiled code by `npm run build`). */
export const ASSET_NAMES = ['public.css', 'icon.svg'] as const;
export type AssetName = (typeof ASSET_NAMES)[number];

export const ASSET_PREFIX = '/static';

const cache = new Map<AssetName, PublicAsset>();

export function asset(name: AssetName): PublicAsset {
  let a = cache.get(name);
  if (!a) {
    const body = readFileSync(join(__dirname, 'assets', name));
    const digest = createHash('sha256').update(body).digest('hex').slice(0, 16);
    a = {
      name,
      contentType: TYPES[name.slice(name.lastIndexOf('.'))],
      body,
      etag: `"${digest}"`,
      href: `${ASSET_PREFIX}/${name}?v=${digest}`,
    };
    cache.set(name, a);
  }
  return a;
}

export function isAssetName(name: string): name is AssetName {
  return (ASSET_NAMES as readonly string[]).includes(name);
}
