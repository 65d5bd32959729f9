/** The sharded-tree schema of a set: keys from the element codec, leaves encoded as `setOf` encodes a set. */
import { setOf, type Codec } from '@grove/merge';
import { LEAF_CAPACITY, type ShardSchema } from '@grove/store';
import { isText, keyOf } from './keys.js';

/** Options of a set type. */
export interface SetOptions {
  /**
   * Elements a leaf (and a set stored as one blob) holds before it shards:
   * default 32. Part of the stored layout: every replica must use the same.
   */
  readonly leafCapacity?: number;
}

/** The schema of sets of `codec` elements; its leaves are `setOf(codec)` encodings. */
export function setSchema<T>(codec: Codec<T>, options: SetOptions = {}): ShardSchema<T> {
  const flat = setOf(codec);
  return {
    keys: isText(codec) ? 'utf8' : 'binary',
    leafCapacity: options.leafCapacity ?? LEAF_CAPACITY,
    idempotent: true,
    encodeLeaf: (entries) => flat.encode(new Set(entries.map((e) => e.value))),
    decodeLeaf: (bytes) => [...flat.decode(bytes)].map((v) => [keyOf(codec, v), v] as const),
    equalValues: () => true,
    mergeValues: ({ ours }) => ({ ok: true, value: ours }),
  };
}
