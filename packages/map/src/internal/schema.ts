/** The sharded-tree schema of a map: UTF-8 keys, leaves encoded as `mapOf` encodes a map, values merged by their type. */
import { mapOf, type Mergeable } from '@grove/merge';
import { LEAF_CAPACITY, type ShardSchema } from '@grove/store';

/** Options of a map type. */
export interface MapOptions {
  /**
   * Keys a leaf (and a map stored as one blob) holds before it shards:
   * default 32. Part of the stored layout: every replica must use the same.
   */
  readonly leafCapacity?: number;
}

/** The schema of maps of `value`; its leaves are `mapOf(value)` encodings. Not idempotent: both increments of a counter count. */
export function mapSchema<V>(value: Mergeable<V>, options: MapOptions = {}): ShardSchema<V> {
  const flat = mapOf(value);
  return {
    keys: 'utf8',
    leafCapacity: options.leafCapacity ?? LEAF_CAPACITY,
    idempotent: false,
    encodeLeaf: (entries) => flat.encode(new Map(entries.map((e) => [e.key, e.value]))),
    decodeLeaf: (bytes) => flat.decode(bytes),
    equalValues: (a, b) => value.equals(a, b),
    mergeValues: (args) => value.merge(args),
  };
}
