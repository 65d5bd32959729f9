/**
 * The queue merge in memory, on lists of items in stamp order, one pass:
 * the base's elements still on both sides, plus every element new on
 * either side (not in the base), in stamp order; base elements gone from
 * both sides were popped twice and are reported.
 */
import { compareStamps, type Stamp } from '../stamp.js';
import type { Item } from './item.js';
import { fromItems, type QueueValue } from './value.js';

interface ItemsMerge<T> {
  readonly items: Item<T>[];
  readonly deliveredTwice: Item<T>[];
}

/** The greater of two clocks (undefined: never pushed). */
export function maxClock(a: Stamp | undefined, b: Stamp | undefined): Stamp | undefined {
  if (a === undefined) return b;
  return b === undefined || compareStamps(a, b) >= 0 ? a : b;
}

/** Merges three stamp-ordered lists. O(|base| + |ours| + |theirs|). */
function mergeItems<T>(base: readonly Item<T>[], ours: readonly Item<T>[], theirs: readonly Item<T>[]): ItemsMerge<T> {
  const items: Item<T>[] = [];
  const deliveredTwice: Item<T>[] = [];
  let [b, o, t] = [0, 0, 0];
  while (o < ours.length || t < theirs.length || b < base.length) {
    let next = (base[b] ?? ours[o] ?? theirs[t])!.stamp;
    for (const c of [ours[o], theirs[t]]) if (c !== undefined && compareStamps(c.stamp, next) < 0) next = c.stamp;
    const at = (x: Item<T> | undefined) => x !== undefined && compareStamps(x.stamp, next) === 0;
    const [inBase, inOurs, inTheirs] = [at(base[b]), at(ours[o]), at(theirs[t])];
    if ((inOurs && inTheirs) || (!inBase && (inOurs || inTheirs))) items.push(inOurs ? ours[o]! : theirs[t]!);
    else if (inBase && !inOurs && !inTheirs) deliveredTwice.push(base[b]!);
    if (inBase) b++;
    if (inOurs) o++;
    if (inTheirs) t++;
  }
  return { items, deliveredTwice };
}

/** The merge of three queues: their items merged, the greater of the two clocks. */
export function mergeQueues<T>(base: QueueValue<T> | undefined, ours: QueueValue<T>, theirs: QueueValue<T>): { value: QueueValue<T>; deliveredTwice: Item<T>[] } {
  const merged = mergeItems(base?.live() ?? [], ours.live(), theirs.live());
  return { value: fromItems(merged.items, maxClock(ours.clock, theirs.clock)), deliveredTwice: merged.deliveredTwice };
}
