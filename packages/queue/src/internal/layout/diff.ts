/**
 * The elements one stored tree lacks and the other holds, walking both in
 * stamp order and skipping every node whose hash is the same on both
 * sides. Canonical trees share all nodes outside the edited regions, so
 * the walk reads about (changed elements / fanout + 1) × depth nodes.
 */
import { compareStamps } from '../../stamp.js';
import type { Item } from '../item.js';
import type { Cursor } from './cursor.js';

export interface TreeDiff<T> {
  /** In the old tree only, in stamp order. */
  readonly removed: Item<T>[];
  /** In the new tree only, in stamp order. */
  readonly added: Item<T>[];
}

export async function diffTrees<T>(older: Cursor<T>, newer: Cursor<T>): Promise<TreeDiff<T>> {
  const removed: Item<T>[] = [];
  const added: Item<T>[] = [];
  for (;;) {
    const [a, b] = [older.node(), newer.node()];
    if (a !== undefined && b !== undefined && compareStamps(a.key, b.key) === 0) {
      if (a.hash === b.hash) {
        older.skip();
        newer.skip();
        continue;
      }
      if (a.level > 0 || b.level > 0) {
        await (a.level >= b.level ? older : newer).open();
        continue;
      }
    }
    const [x, y] = [older.peek(), newer.peek()];
    if (x === undefined && y === undefined) return { removed, added };
    const order = x === undefined ? 1 : y === undefined ? -1 : compareStamps(x, y);
    if (order < 0) removed.push((await older.next())!);
    else if (order > 0) added.push((await newer.next())!);
    else await Promise.all([older.next(), newer.next()]);
  }
}
