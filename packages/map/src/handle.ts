/**
 * The map's handle in a document (`document(branch, { votes: structure(counter) })`):
 * key verbs that read only the shards holding their key.
 */
import type { Mergeable } from '@grove/merge';
import type { Cell } from '@grove/store';
import type { MapOptions } from './internal/schema.js';
import { empty, entries, get, has, load, remove, set, size, type GroveMap } from './map.js';

/**
 * A stored map's verbs inside `doc.change` or `doc.read`. Each reads only
 * the shards its key needs (O(log n) objects); edits stay in memory and the
 * change writes the changed shards once.
 * @example
 * await doc.change(async (d) => { await d.scores.set('ada', 3n); await d.scores.delete('bob'); });
 */
export interface MapHandle<V> {
  /** The value of `key`, or undefined. */
  get(key: string): Promise<V | undefined>;
  has(key: string): Promise<boolean>;
  set(key: string, value: V): Promise<void>;
  /** Removes `key` (nothing when absent). */
  delete(key: string): Promise<void>;
  /** Sets `key` to `f(current)` and returns it. */
  update(key: string, f: (current: V | undefined) => V): Promise<V>;
  /** The number of keys. O(1). */
  size(): Promise<number>;
  /** Every entry in key order: reads the whole map. */
  entries(): Promise<[string, V][]>;
}

/**
 * The handle of a map of bigints (counters): `MapHandle` and `inc`.
 * @example
 * await doc.change((d) => d.votes.inc('ada', 2));
 */
export interface CounterMapHandle extends MapHandle<bigint> {
  /** Adds `by` (default 1; a number must be an integer) to `key` (0 when absent) and returns the sum. */
  inc(key: string, by?: bigint | number): Promise<bigint>;
}

/**
 * The handle of a map of `V`: with `inc` when `V` is a bigint.
 * @example
 * type H = MapHandleOf<bigint>; // CounterMapHandle
 */
export type MapHandleOf<V> = [V] extends [bigint] ? CounterMapHandle : MapHandle<V>;

/** The handle over `cell` for maps of `type` values. */
export function mapHandle<V>(type: Mergeable<V>, options: MapOptions, cell: Cell<GroveMap<V>>): MapHandleOf<V> {
  /** The map with the shards of `keys` read; undefined when absent. */
  const read = async (keys?: string[]) => {
    const map = await cell.get();
    return map === undefined ? undefined : load(map, keys);
  };
  const update = (key: string, f: (current: V | undefined) => V) => {
    let value: V;
    return cell
      .update(async (map) => {
        const m = await load(map ?? empty(type, options), [key]);
        return set(m, key, (value = f(get(m, key))));
      })
      .then(() => value);
  };
  const handle: MapHandle<V> & Pick<CounterMapHandle, 'inc'> = {
    get: async (key) => {
      const map = await read([key]);
      return map && get(map, key);
    },
    has: async (key) => {
      const map = await read([key]);
      return map !== undefined && has(map, key);
    },
    set: async (key, value) => void (await update(key, () => value)),
    delete: async (key) => void (await cell.update(async (map) => map && remove(await load(map, [key]), key))),
    update,
    size: async () => {
      const map = await cell.get();
      return map === undefined ? 0 : size(map);
    },
    entries: async () => {
      const map = await read();
      return map === undefined ? [] : entries(map);
    },
    inc: (key, by = 1n) => update(key, (v) => (((v as bigint | undefined) ?? 0n) + BigInt(by)) as V) as Promise<bigint>,
  };
  return handle as MapHandleOf<V>;
}
