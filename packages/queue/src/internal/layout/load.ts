/** Reading a stored queue tree into memory, checking its order and its clock. */
import type { Tree } from '@grove/store';
import { compareStamps } from '../../stamp.js';
import type { Item } from '../item.js';
import { fromItems, type QueueValue } from '../value.js';
import { Cursor } from './cursor.js';
import { CLOCK, malformed, type Layout } from './layout.js';
import { readRoot } from './root.js';

/** The queue stored under `tree`: every chunk is read (O(n)); the value remembers `tree` for the next save. */
export async function loadTree<T>(layout: Layout<T>, tree: Tree): Promise<QueueValue<T>> {
  const { clock, children } = await readRoot(layout, tree);
  const cursor = await Cursor.open(layout, children);
  const items: Item<T>[] = [];
  for (let item = await cursor.next(); item !== undefined; item = await cursor.next()) items.push(item);
  const last = items.at(-1);
  if (last !== undefined && (clock === undefined || compareStamps(clock, last.stamp) < 0)) malformed(layout, CLOCK, 'the clock is behind the last element');
  const q = fromItems(items, clock);
  q.origin = { root: tree, nodes: layout.nodes, end: items.length };
  return q;
}
