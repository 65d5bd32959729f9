/**
 * Pack reuse (Git's "reuse object"): before a pack is encoded, each entry is
 * paired with the entry its object already has in a pack on disk, so the
 * encoder can copy those bytes instead of compressing the object again.
 */
import type { ObjectStore } from '@grove/store';
import type { PackEntry } from './walk.js';

/**
 * `entries` with `stored` set on each one `store` keeps in a pack; the same
 * entries when the store cannot read stored entries (memory).
 * O(entries), one index lookup and positioned read each.
 */
export async function withStoredEntries(store: ObjectStore, entries: readonly PackEntry[]): Promise<readonly PackEntry[]> {
  if (store.readPacked === undefined) return entries;
  const out: PackEntry[] = [];
  for (const entry of entries) {
    const stored = await store.readPacked(entry.object.hash);
    out.push(stored === undefined ? entry : { ...entry, stored });
  }
  return out;
}
