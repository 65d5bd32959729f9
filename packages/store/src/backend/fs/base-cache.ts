/**
 * The cache of delta bases, bounded by total payload bytes, so walking
 * objects that share delta chains does not re-inflate the same bases (Git's
 * `delta_base_cache`).
 */
import type { ObjectType } from '../../objects/hash.js';
import { Lru } from '../../internal/lru.js';

/** An inflated object without its id: what a delta chain resolves to. */
export interface Resolved {
  readonly type: ObjectType;
  readonly payload: Buffer;
}

export type BaseCache = Lru<string, Resolved>;

/** Git's default `core.deltaBaseCacheLimit` is 96 MiB; a library keeps less. */
const DEFAULT_LIMIT = 32 * 1024 * 1024;

export function baseCache(limit = DEFAULT_LIMIT): BaseCache {
  return new Lru(limit, (r) => r.payload.length);
}
