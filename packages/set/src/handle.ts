/**
 * The set's handle in a document (`document(branch, { tags: structure(codecs.string) })`):
 * element verbs that read only the shards holding their element.
 */
import type { Codec } from '@grove/merge';
import type { Cell } from '@grove/store';
import type { SetOptions } from './internal/schema.js';
import { add, empty, has, load, remove, size, values, type GroveSet } from './set.js';

/**
 * A stored set's verbs inside `doc.change` or `doc.read`. `add`, `delete`
 * and `has` read only the shards of their element (O(log n) objects); edits
 * stay in memory and the change writes the changed shards once.
 * @example
 * await doc.change(async (d) => { await d.tags.add('git'); await d.tags.delete('draft'); });
 */
export interface SetHandle<T> {
  add(element: T): Promise<void>;
  /** Removes `element` (nothing when absent). */
  delete(element: T): Promise<void>;
  has(element: T): Promise<boolean>;
  /** The number of elements. O(1). */
  size(): Promise<number>;
  /** Every element, in hash order (the same on every replica): reads the whole set. */
  values(): Promise<T[]>;
}

/** The handle over `cell` for sets of `codec` elements. */
export function setHandle<T>(codec: Codec<T>, options: SetOptions, cell: Cell<GroveSet<T>>): SetHandle<T> {
  const read = async (elements?: T[]) => {
    const set = await cell.get();
    return set === undefined ? undefined : load(set, elements);
  };
  return {
    add: async (element) => void (await cell.update(async (set) => add(await load(set ?? empty(codec, options), [element]), element))),
    delete: async (element) => void (await cell.update(async (set) => set && remove(await load(set, [element]), element))),
    has: async (element) => {
      const set = await read([element]);
      return set !== undefined && has(set, element);
    },
    size: async () => {
      const set = await cell.get();
      return set === undefined ? 0 : size(set);
    },
    values: async () => {
      const set = await read();
      return set === undefined ? [] : [...values(set)];
    },
  };
}
