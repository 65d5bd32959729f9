/** The public shape of a queue value and of its elements. */
import type { Conflict, MergeNote } from '@grove/merge';
import type { Structure, StructureMergeArgs, TreeChild } from '@grove/store';
import type { Stamp } from './stamp.js';

/** One pushed value with the stamp that identifies it. */
export interface Element<T> {
  readonly value: T;
  readonly stamp: Stamp;
}

/**
 * An immutable FIFO queue: its elements in stamp order, and its clock (the
 * greatest stamp it has ever held, popped ones included). Queues come from
 * a `QueueType` (`queue(codec)`): `empty`, `push`, `pop`, `merge`, `decode`,
 * or a store. Iterating yields the values, head first.
 * @example
 * const q = Jobs.push(Jobs.push(Jobs.empty(), 'a'), 'b');
 * [...q]; // ['a', 'b']
 * q.size; // 2
 */
export interface Queue<T> extends Iterable<T> {
  /** The number of elements. O(1). */
  readonly size: number;
  /** The greatest stamp ever pushed here or merged in; the next push stamps above it. */
  readonly clock: Stamp | undefined;
  /** The head element (the next one `pop` returns), or undefined when empty. O(1). */
  peek(): Element<T> | undefined;
  /** The elements with their stamps, head first. */
  elements(): IterableIterator<Element<T>>;
}

/** A merge of stored queues: the merged entry and the base elements both sides popped. */
export type StoredMergeResult<T> =
  | { readonly ok: true; readonly value: TreeChild; readonly deliveredTwice: readonly Element<T>[]; readonly notes?: readonly MergeNote[] }
  | { readonly ok: false; readonly conflicts: readonly Conflict[] };

/**
 * A queue type's store `Structure`: the queue as a marked tree of chunk
 * blobs. Its merge also reports double deliveries, as `deliveredTwice` and
 * as a `delivered-twice` note that `branch.merge` passes on. A side it cannot read is an
 * `invalid-value` conflict.
 */
export interface QueueStructure<T> extends Structure<Queue<T>> {
  merge(args: StructureMergeArgs): Promise<StoredMergeResult<T>>;
}
