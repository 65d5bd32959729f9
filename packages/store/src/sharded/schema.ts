/**
 * What a sharded tree needs to know about its entries: how keys become
 * bytes, how a leaf is encoded, and how one key merges. Sets and maps each
 * give one; the tree itself knows nothing of elements or values.
 */
import type { MergeArgs, MergeResult } from '@grove/merge';

/** Entries a leaf holds before it splits into 16 shards, unless a schema says otherwise. */
export const LEAF_CAPACITY = 32;

/** A key and its value, as a leaf codec sees them. */
export interface ShardEntry<V> {
  readonly key: string;
  readonly value: V;
}

/**
 * The entries of a sharded tree. Two trees merge, diff and compare by hash
 * only when their schemas agree (same codecs, same capacity).
 */
export interface ShardSchema<V> {
  /** `utf8`: keys are text, hashed as UTF-8. `binary`: keys are binary strings, one byte per char. */
  readonly keys: 'utf8' | 'binary';
  /** A leaf holding more entries splits (default `LEAF_CAPACITY`); part of the stored format. */
  readonly leafCapacity: number;
  /**
   * True when the same change on both sides merges to that change (a set),
   * so a subtree equal on both sides is taken without opening it. False
   * for maps of counters: both increments must count.
   */
  readonly idempotent: boolean;
  /** Canonical bytes of a leaf's entries, given in any order. */
  encodeLeaf(entries: readonly ShardEntry<V>[]): Uint8Array;
  /** The entries of a leaf; throws `DecodeError` on bytes `encodeLeaf` does not produce. */
  decodeLeaf(bytes: Uint8Array): Iterable<readonly [key: string, value: V]>;
  equalValues(a: V, b: V): boolean;
  /**
   * Merges the values of a key present on both sides that changed on both
   * (`base` undefined: added on both). `path` ends with the key.
   */
  mergeValues(args: MergeArgs<V>): MergeResult<V>;
}
