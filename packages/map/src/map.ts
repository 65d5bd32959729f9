/**
 * The map verbs. A `GroveMap` is immutable: every change returns a new map
 * sharing all untouched shards with the old one.
 */
import { mapOf, type MergeArgs, type MergeResult, type Mergeable } from '@grove/merge';
import { ShardedTree } from '@grove/store';
import { checkKey, compareKeys } from './internal/keys.js';
import { mapSchema, type MapOptions } from './internal/schema.js';

/**
 * An immutable map from strings to values of `type`, sharded by key hash.
 * Read `tree` for the shards (`ShardedTree` of `@grove/store`); use this
 * module's verbs to work with it.
 */
export interface GroveMap<V> {
  readonly type: Mergeable<V>;
  readonly tree: ShardedTree<V>;
}

/** One key that differs between two versions. */
export interface MapChange<V> {
  readonly key: string;
  readonly kind: 'added' | 'removed' | 'updated';
  readonly old?: V;
  readonly new?: V;
}

/** Wraps a tree of `type` values. */
export function wrap<V>(type: Mergeable<V>, tree: ShardedTree<V>): GroveMap<V> {
  return { type, tree };
}

/**
 * The empty map of `type` values. O(1).
 * @example
 * const votes = empty(counter);
 */
export function empty<V>(type: Mergeable<V>, options: MapOptions = {}): GroveMap<V> {
  return wrap(type, ShardedTree.empty(mapSchema(type, options)));
}

/**
 * The map of `entries` (a later duplicate key wins). O(n log n), faster than n `set`s.
 * @example
 * const votes = of(counter, [['ada', 1n], ['bob', 2n]]);
 */
export function of<V>(type: Mergeable<V>, entries: Iterable<readonly [string, V]>, options: MapOptions = {}): GroveMap<V> {
  const checked = (function* () {
    for (const [k, v] of entries) yield [checkKey(type.tag, k), v] as const;
  })();
  return wrap(type, ShardedTree.from(mapSchema(type, options), checked));
}

/**
 * The value of `key`, or undefined. O(log n).
 * @example
 * get(of(counter, [['a', 1n]]), 'a'); // 1n
 */
export function get<V>(map: GroveMap<V>, key: string): V | undefined {
  return map.tree.get(key);
}

/**
 * Whether `map` holds `key`. O(log n).
 * @example
 * has(of(counter, [['a', 1n]]), 'b'); // false
 */
export function has(map: GroveMap<unknown>, key: string): boolean {
  return map.tree.has(key);
}

/**
 * `map` with `key` set to `value`; any well-formed string is a key (an
 * `EncodeError` for a lone surrogate). O(log n).
 * @example
 * set(empty(counter), '../a/b', 1n);
 */
export function set<V>(map: GroveMap<V>, key: string, value: V): GroveMap<V> {
  const tree = map.tree.set(checkKey(map.type.tag, key), value);
  return tree === map.tree ? map : wrap(map.type, tree);
}

/**
 * `map` without `key` (exported as `delete`); `map` itself when absent. O(log n).
 * @example
 * size(remove(of(counter, [['a', 1n]]), 'a')); // 0
 */
export function remove<V>(map: GroveMap<V>, key: string): GroveMap<V> {
  const tree = map.tree.delete(key);
  return tree === map.tree ? map : wrap(map.type, tree);
}

/**
 * The number of keys. O(1), even for a map read lazily from the store.
 * @example
 * size(of(counter, [['a', 1n]])); // 1
 */
export function size(map: GroveMap<unknown>): number {
  return map.tree.size;
}

/**
 * The entries in key order (UTF-8 byte order). O(n log n).
 * @example
 * entries(of(counter, [['b', 2n], ['a', 1n]])); // [['a', 1n], ['b', 2n]]
 */
export function entries<V>(map: GroveMap<V>): [string, V][] {
  return [...map.tree.entries()].sort((a, b) => compareKeys(a[0], b[0]));
}

/**
 * The keys in key order. O(n log n).
 * @example
 * keys(of(counter, [['b', 2n], ['a', 1n]])); // ['a', 'b']
 */
export function keys(map: GroveMap<unknown>): string[] {
  return entries(map).map(([k]) => k);
}

/**
 * What changed from `a` to `b`, in key order, skipping shards the two
 * versions share (reading the shards it needs when they were read lazily).
 * O(changes × log n).
 * @example
 * await diff(before, after); // [{ key: 'a', kind: 'updated', old: 1n, new: 2n }]
 */
export async function diff<V>(a: GroveMap<V>, b: GroveMap<V>): Promise<MapChange<V>[]> {
  const changes = await a.tree.diffAsync(b.tree);
  return changes
    .map((c) => ({ ...c, kind: c.old === undefined ? ('added' as const) : c.new === undefined ? ('removed' as const) : ('updated' as const) }))
    .sort((x, y) => compareKeys(x.key, y.key));
}

/**
 * Equal keys and values. O(1) once both are hashed (equal maps have equal hashes).
 * @example
 * equals(of(counter, [['a', 1n]]), of(counter, [['a', 1n]])); // true
 */
export function equals<V>(a: GroveMap<V>, b: GroveMap<V>): boolean {
  return a.tree.equals(b.tree);
}

/**
 * Three-way merge per key: an addition on either side is kept; a removal
 * on either side stays removed (even against a change); a key changed on
 * both sides (or added on both) merges by the value's type, and its
 * conflicts carry the key at the end of their path. O(differing shards).
 * @example
 * merge({ base: of(counter, [['a', 1n]]), ours: of(counter, [['a', 2n]]), theirs: of(counter, [['a', 3n]]) }); // a: 4n
 */
export function merge<V>(args: MergeArgs<GroveMap<V>>): MergeResult<GroveMap<V>> {
  const r = ShardedTree.merge({ base: args.base?.tree, ours: args.ours.tree, theirs: args.theirs.tree, path: args.path ?? [] });
  if (!r.ok) return r;
  const value = r.value === args.ours.tree ? args.ours : wrap(args.ours.type, r.value);
  return { ...r, value };
}

/**
 * Canonical bytes of the whole map, the format of `mapOf` from
 * `@grove/merge` (key/value netstrings in key order). O(n log n).
 * @example
 * decode(counter, encode(of(counter, [['a', 1n]])));
 */
export function encode<V>(map: GroveMap<V>): Uint8Array {
  return mapOf(map.type).encode(new Map(map.tree.entries()));
}

/**
 * The map in `bytes` (as `encode` writes them); a `DecodeError` with the
 * offset otherwise. O(n log n).
 * @example
 * decode(counter, encode(of(counter, [['a', 1n]])));
 */
export function decode<V>(type: Mergeable<V>, bytes: Uint8Array, options: MapOptions = {}): GroveMap<V> {
  return of(type, mapOf(type).decode(bytes), options);
}

/**
 * Reads the shards of a map read lazily from the store (`branch.get` with
 * `structure`) that getting, setting or deleting `keys` (in any number,
 * one after another) may reach; all of them when `keys` is omitted.
 * Returns `map`. Needed before synchronous verbs reach an unread shard.
 * One batch of reads per level.
 * @example
 * const votes = await load((await main.get(['votes'], Votes))!, ['ada']);
 * get(votes, 'ada');
 */
export async function load<V>(map: GroveMap<V>, keys?: Iterable<string>): Promise<GroveMap<V>> {
  await map.tree.prefetch(keys);
  return map;
}
