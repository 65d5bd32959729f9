/**
 * The set verbs. A `GroveSet` is immutable: every change returns a new set
 * sharing all untouched shards with the old one.
 */
import { setOf, type Codec, type MergeArgs, type MergeResult } from '@grove/merge';
import { ShardedTree } from '@grove/store';
import { keyOf } from './internal/keys.js';
import { setSchema, type SetOptions } from './internal/schema.js';

/**
 * An immutable set of `T`, sharded by element hash. Elements are equal when
 * their encodings are. Read `tree` for the shards (`ShardedTree` of
 * `@grove/store`); use this module's verbs to work with it.
 */
export interface GroveSet<T> {
  readonly codec: Codec<T>;
  readonly tree: ShardedTree<T>;
}

/** Wraps a tree of `codec` elements. */
export function wrap<T>(codec: Codec<T>, tree: ShardedTree<T>): GroveSet<T> {
  return { codec, tree };
}

/**
 * The empty set of `codec` elements. O(1).
 * @example
 * const tags = empty(codecs.string);
 */
export function empty<T>(codec: Codec<T>, options: SetOptions = {}): GroveSet<T> {
  return wrap(codec, ShardedTree.empty(setSchema(codec, options)));
}

/**
 * The set of `elements`. O(n log n), faster than n `add`s.
 * @example
 * const tags = of(codecs.string, ['git', 'crdt']);
 */
export function of<T>(codec: Codec<T>, elements: Iterable<T>, options: SetOptions = {}): GroveSet<T> {
  const entries = (function* () {
    for (const e of elements) yield [keyOf(codec, e), e] as const;
  })();
  return wrap(codec, ShardedTree.from(setSchema(codec, options), entries));
}

/**
 * `set` with `element`; `set` itself when already there. O(log n).
 * @example
 * has(add(empty(codecs.string), 'x'), 'x'); // true
 */
export function add<T>(set: GroveSet<T>, element: T): GroveSet<T> {
  const tree = set.tree.set(keyOf(set.codec, element), element);
  return tree === set.tree ? set : wrap(set.codec, tree);
}

/**
 * `set` without `element` (exported as `delete`); `set` itself when absent. O(log n).
 * @example
 * size(remove(of(codecs.string, ['a', 'b']), 'a')); // 1
 */
export function remove<T>(set: GroveSet<T>, element: T): GroveSet<T> {
  const tree = set.tree.delete(keyOf(set.codec, element));
  return tree === set.tree ? set : wrap(set.codec, tree);
}

/**
 * Whether `element` is in `set`. O(log n).
 * @example
 * has(of(codecs.string, ['a']), 'a'); // true
 */
export function has<T>(set: GroveSet<T>, element: T): boolean {
  return set.tree.has(keyOf(set.codec, element));
}

/**
 * The number of elements. O(1), even for a set read lazily from the store.
 * @example
 * size(of(codecs.string, ['a', 'a', 'b'])); // 2
 */
export function size(set: GroveSet<unknown>): number {
  return set.tree.size;
}

/**
 * The elements in hash order: deterministic, the same for equal sets on
 * every replica (not sorted). O(n).
 * @example
 * [...values(of(codecs.string, ['b', 'a']))].sort(); // ['a', 'b']
 */
export function* values<T>(set: GroveSet<T>): Generator<T> {
  for (const [, element] of set.tree.entries()) yield element;
}

/**
 * Equal elements. O(1) once both are hashed (equal sets have equal hashes).
 * @example
 * equals(of(codecs.string, ['a', 'b']), of(codecs.string, ['b', 'a'])); // true
 */
export function equals<T>(a: GroveSet<T>, b: GroveSet<T>): boolean {
  return a.tree.equals(b.tree);
}

/**
 * Three-way merge: base minus what either side removed, plus what either
 * side added (no base: the union). An element removed on one side and kept
 * on the other is removed. Never conflicts. O(differing shards).
 * @example
 * merge({ base: of(s, ['a', 'b']), ours: of(s, ['a']), theirs: of(s, ['a', 'b', 'c']) }); // { a, c }
 */
export function merge<T>(args: MergeArgs<GroveSet<T>>): MergeResult<GroveSet<T>> {
  const r = ShardedTree.merge({ base: args.base?.tree, ours: args.ours.tree, theirs: args.theirs.tree, path: args.path ?? [] });
  if (!r.ok) return r;
  const value = r.value === args.ours.tree ? args.ours : wrap(args.ours.codec, r.value);
  return { ...r, value };
}

/**
 * Canonical bytes of the whole set, the format of `setOf` from
 * `@grove/merge` (element encodings in byte order). O(n log n).
 * @example
 * decode(codecs.string, encode(of(codecs.string, ['a']))); // { a }
 */
export function encode<T>(set: GroveSet<T>): Uint8Array {
  return setOf(set.codec).encode(new Set(values(set)));
}

/**
 * The set in `bytes` (as `encode` writes them); a `DecodeError` with the
 * offset otherwise. O(n log n).
 * @example
 * decode(codecs.string, encode(of(codecs.string, ['a'])));
 */
export function decode<T>(codec: Codec<T>, bytes: Uint8Array, options: SetOptions = {}): GroveSet<T> {
  return of(codec, setOf(codec).decode(bytes), options);
}

/**
 * Reads the shards of a set read lazily from the store (`branch.get` with
 * `structure`) that adding, deleting or testing `elements` (in any number,
 * one after another) may reach; all of them when `elements` is omitted.
 * Returns `set`. Needed before synchronous verbs reach an unread shard.
 * One batch of reads per level.
 * @example
 * const tags = await load((await main.get(['tags'], Tags))!, ['git']);
 * has(tags, 'git');
 */
export async function load<T>(set: GroveSet<T>, elements?: Iterable<T>): Promise<GroveSet<T>> {
  await set.tree.prefetch(elements === undefined ? undefined : [...elements].map((e) => keyOf(set.codec, e)));
  return set;
}
