/**
 * Rewrites a stored tree with a batch of edits: drop every element before
 * a stamp, remove some elements, insert others. Nodes no edit falls in are
 * reused whole whenever the new tree has a boundary where they start, so
 * the cost follows the edits (times the depth), not the queue's size.
 */
import { compareStamps, type Stamp } from '../../stamp.js';
import type { Item } from '../item.js';
import type { Builder } from './builder.js';
import type { Cursor } from './cursor.js';

export interface Edits<T> {
  /** Every element with a smaller stamp goes (the pops since the tree was written). */
  readonly dropBefore?: Stamp | undefined;
  /** Elements to remove, in stamp order; those the tree does not hold are returned as missing. */
  readonly removals?: readonly Item<T>[];
  /** Elements to insert, in stamp order; one the tree already holds is kept once. */
  readonly insertions: readonly Item<T>[];
}

/** `a` sorts before `b`; an undefined `b` is the end, after everything. */
const before = (a: Stamp | undefined, b: Stamp | undefined) => a !== undefined && (b === undefined || compareStamps(a, b) < 0);

/** Streams the tree under `cursor`, edited, into `builder`; returns the removals the tree did not hold. */
export async function applyEdits<T>(cursor: Cursor<T>, edits: Edits<T>, builder: Builder<T>): Promise<Item<T>[]> {
  const { dropBefore: drop, removals = [], insertions } = edits;
  const dropped = (stamp: Stamp) => drop !== undefined && compareStamps(stamp, drop) < 0;
  const missing: Item<T>[] = [];
  let [r, a] = [0, 0];
  for (;;) {
    const key = cursor.peek();
    while (before(insertions[a]?.stamp, key)) await builder.add(insertions[a++]!);
    while (before(removals[r]?.stamp, key)) missing.push(removals[r++]!);
    if (key === undefined) return missing;
    const node = cursor.node();
    if (node !== undefined) {
      if (drop !== undefined && node.following !== undefined && compareStamps(node.following, drop) <= 0) {
        cursor.skip();
        continue;
      }
      const edit = before(removals[r]?.stamp, insertions[a]?.stamp) ? removals[r]!.stamp : insertions[a]?.stamp;
      const untouched = node.closing !== undefined && !dropped(node.key) && !before(edit, node.following);
      if (untouched && builder.atBoundary(node.level)) {
        await builder.addNode(node, node.closing!);
        cursor.skip();
      } else await cursor.open();
      continue;
    }
    const item = (await cursor.next())!;
    if (dropped(item.stamp)) continue;
    if (removals[r] !== undefined && compareStamps(removals[r]!.stamp, item.stamp) === 0) {
      r++;
      continue;
    }
    if (insertions[a] !== undefined && compareStamps(insertions[a]!.stamp, item.stamp) === 0) a++;
    await builder.add(item);
  }
}
