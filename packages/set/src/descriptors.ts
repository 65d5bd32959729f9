/** The set as a `Mergeable` (in memory, or as a value inside a map) and as a store `Structure` (sharded on disk). */
import { composeTag, integerOption, paramsOf, registerFamily, setOf, type Codec, type Mergeable } from '@grove/merge';
import { shardedStructure, type Structure } from '@grove/store';
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
 * shards that differ. Reads are lazy (see `load`).
 * @example
 * await main.set(['tags'], of(codecs.string, ['git']), { type: structure(codecs.string) });
 */
export function structure<T>(codec: Codec<T>, options: SetOptions = {}): Structure<GroveSet<T>> {
  const leaf = options.leafCapacity === undefined ? {} : { leaf: String(options.leafCapacity) };
  return shardedStructure({
    tag: composeTag(SHARDED_SET, [codec.tag], leaf),
    schema: setSchema(codec, options),
    wrap: (tree) => wrap(codec, tree),
    unwrap: (set) => set.tree,
  });
}

registerFamily({
  name: SHARDED_SET,
  build(term, resolve) {
    const [element] = paramsOf(term, { args: 1, options: ['leaf'] });
    const leafCapacity = integerOption(term, 'leaf');
    return structure(resolve(element!), leafCapacity === undefined ? {} : { leafCapacity });
  },
});
