/** The set as a `Mergeable` (in memory, or as a value inside a map) and as a store `Structure` (sharded on disk). */
import { setOf, type Codec, type Mergeable } from '@grove/merge';
import { registerShardedFamily, shardedStructure, shardedTag, type Structure, type WithHandle } from '@grove/store';
import { setHandle, type SetHandle } from './handle.js';
import { setSchema, type SetOptions } from './internal/schema.js';
import { decode, encode, equals, merge, wrap, type GroveSet } from './set.js';

const SHARDED_SET = 'grove/sharded-set@1';

/**
 * Sets of `codec` elements as a `Mergeable`: the whole set in one
 * encoding (the bytes and tag of `setOf(codec)`), merged in memory shard by
 * shard. Use it for sets inside other values (a map of sets); store a large
 * set with `structure` instead.
 * @example
 * const tagsByPage = Map.mergeable(Set.mergeable(codecs.string));
 */
export function mergeable<T>(codec: Codec<T>, options: SetOptions = {}): Mergeable<GroveSet<T>> {
  return { tag: setOf(codec).tag, encode, decode: (bytes) => decode(codec, bytes, options), equals, merge };
}

/**
 * Sets of `codec` elements as a store `Structure` (tag
 * `grove/sharded-set@1(<element tag>)`, with `leaf=<n>` when the leaf
 * capacity is set): one typed blob up to
 * `leafCapacity` elements, else a tree of shards, so a change writes
 * O(log n) objects, equal sets have equal ids, and a merge opens only the
 * shards that differ. Reads are lazy (see `load`). In a document schema it
 * gives a `SetHandle`.
 * @example
 * await main.set(['tags'], of(codecs.string, ['git']), { type: structure(codecs.string) });
 * await document(main, { tags: structure(codecs.string) }).change((d) => d.tags.add('crdt'));
 */
export function structure<T>(codec: Codec<T>, options: SetOptions = {}): Structure<GroveSet<T>> & WithHandle<GroveSet<T>, SetHandle<T>> {
  const stored = shardedStructure({
    tag: shardedTag(SHARDED_SET, codec.tag, options),
    schema: setSchema(codec, options),
    wrap: (tree) => wrap(codec, tree),
    unwrap: (set: GroveSet<T>) => set.tree,
  });
  return { ...stored, handle: (cell) => setHandle(codec, options, cell) };
}

registerShardedFamily(SHARDED_SET, structure);
