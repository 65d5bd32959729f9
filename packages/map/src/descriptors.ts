/** The map as a `Mergeable` (in memory, or nested in another value) and as a store `Structure` (sharded on disk). */
import { mapOf, type Mergeable } from '@grove/merge';
import { registerShardedFamily, shardedStructure, shardedTag, type Structure, type WithHandle } from '@grove/store';
import { mapHandle, type MapHandleOf } from './handle.js';
import { mapSchema, type MapOptions } from './internal/schema.js';
import { decode, encode, equals, merge, wrap, type GroveMap } from './map.js';

const SHARDED_MAP = 'grove/sharded-map@1';

/**
 * Maps of `type` values as a `Mergeable`: the whole map in one encoding
 * (the bytes and tag of `mapOf(type)`), merged in memory shard by shard.
 * Use it for maps inside other values (a map of maps); store a large map
 * with `structure` instead.
 * @example
 * const nested = mergeable(mergeable(counter));
 */
export function mergeable<V>(type: Mergeable<V>, options: MapOptions = {}): Mergeable<GroveMap<V>> {
  return { tag: mapOf(type).tag, encode, decode: (bytes) => decode(type, bytes, options), equals, merge };
}

/**
 * Maps of `type` values as a store `Structure` (tag
 * `grove/sharded-map@1(<value tag>)`, with `leaf=<n>` when the leaf
 * capacity is set): one typed blob up to `leafCapacity`
 * keys, else a tree of shards, so a change writes O(log n) objects, equal
 * maps have equal ids, and a merge opens only the shards that differ.
 * Keys live inside leaf blobs, never in Git names. Reads are lazy (see `load`).
 * In a document schema it gives a `MapHandle` (with `inc` for counters).
 * @example
 * await main.set(['votes'], of(counter, [['ada', 1n]]), { type: structure(counter) });
 * const doc = document(main, { votes: structure(counter) });
 * await doc.change((d) => d.votes.inc('ada', 2));
 */
export function structure<V>(type: Mergeable<V>, options: MapOptions = {}): Structure<GroveMap<V>> & WithHandle<GroveMap<V>, MapHandleOf<V>> {
  const stored = shardedStructure({
    tag: shardedTag(SHARDED_MAP, type.tag, options),
    schema: mapSchema(type, options),
    wrap: (tree) => wrap(type, tree),
    unwrap: (map: GroveMap<V>) => map.tree,
  });
  return { ...stored, handle: (cell) => mapHandle(type, options, cell) };
}

registerShardedFamily(SHARDED_MAP, structure);
