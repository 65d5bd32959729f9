/**
 * A bounded least-recently-used cache of delta bases, by total payload
 * bytes, so walking objects that share delta chains does not re-inflate the
 * same bases (Git's `delta_base_cache`).
 */
import type { ObjectType } from '../../objects/hash.js';

/** An inflated object without its id: what a delta chain resolves to. */
export interface Resolved {
  readonly type: ObjectType;
  readonly payload: Buffer;
}

/** Git's default `core.deltaBaseCacheLimit` is 96 MiB; a library keeps less. */
const DEFAULT_LIMIT = 32 * 1024 * 1024;

export class BaseCache {
  readonly #entries = new Map<string, Resolved>();
  #bytes = 0;

  constructor(readonly limit = DEFAULT_LIMIT) {}

  get(key: string): Resolved | undefined {
    const entry = this.#entries.get(key);
    if (entry !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, entry);
    }
    return entry;
  }

  /** Remembers `entry` unless it alone would take more than a quarter of the limit. */
  set(key: string, entry: Resolved): void {
    if (entry.payload.length > this.limit / 4 || this.#entries.has(key)) return;
    this.#entries.set(key, entry);
    this.#bytes += entry.payload.length;
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes <= this.limit) break;
      this.#entries.delete(oldest);
      this.#bytes -= old.payload.length;
    }
  }
}
