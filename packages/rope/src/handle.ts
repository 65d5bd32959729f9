/** The rope's handle in a document (`document(branch, { body: structure })`): text edits by position. */
import type { Cell } from '@grove/store';
import { Rope } from './rope.js';

/**
 * A stored text's verbs inside `doc.change` or `doc.read`. Positions count
 * code points; an absent text is empty. The first verb of a change loads
 * the rope (as `branch.get` does); edits are O(log n) in memory and the
 * change saves the changed chunks once.
 * @example
 * await doc.change(async (d) => { await d.body.insert(0, 'Hello'); await d.body.delete(0, 1); });
 */
export interface RopeHandle {
  /** The whole text. O(n). */
  text(): Promise<string>;
  /** Code points in the text. O(1). */
  length(): Promise<number>;
  /** Inserts `text` before code point `pos`; a `RopeError` when `pos` is past the end. */
  insert(pos: number, text: string): Promise<void>;
  /** Deletes `count` code points from `pos`. */
  delete(pos: number, count: number): Promise<void>;
  /** Deletes `count` code points at `pos`, then inserts `text` there. */
  splice(pos: number, count: number, text?: string): Promise<void>;
}

/** The handle over `cell`. */
export function ropeHandle(cell: Cell<Rope>): RopeHandle {
  const current = async () => (await cell.get()) ?? Rope.empty;
  const edit = async (f: (rope: Rope) => Rope) => void (await cell.update((rope) => f(rope ?? Rope.empty)));
  return {
    text: async () => (await current()).toString(),
    length: async () => (await current()).length,
    insert: (pos, text) => edit((r) => r.insert(pos, text)),
    delete: (pos, count) => edit((r) => r.delete(pos, count)),
    splice: (pos, count, text) => edit((r) => r.splice(pos, count, text)),
  };
}
