/**
 * The in-memory queue: a window `[start, end)` over an append-only array
 * of items that versions share. Push appends in place when this version
 * owns the array's end and copies otherwise; pop moves `start`, and the
 * array is compacted once more of it is popped than live. Both are
 * amortized O(1), and every version stays valid.
 */
import type { Nodes, Tree } from '@grove/store';
import { assert } from '@grove/merge';
import type { Element, Queue } from '../queue.js';
import type { Stamp } from '../stamp.js';
import type { Item } from './item.js';

/** Compaction waits for this many popped items, so small queues never copy. */
const COMPACT_AFTER = 1024;

/** The stored tree a value was loaded from or last saved as; `items[origin.end..]` were pushed since. */
export interface Origin {
  readonly root: Tree;
  readonly nodes: Nodes;
  readonly end: number;
}

export class QueueValue<T> implements Queue<T> {
  readonly items: Item<T>[];
  readonly start: number;
  readonly end: number;
  readonly clock: Stamp | undefined;
  /** A cache, set by load and save: lets the next save write only what changed. */
  origin: Origin | undefined;

  constructor(items: Item<T>[], start: number, end: number, clock: Stamp | undefined, origin: Origin | undefined) {
    this.items = items;
    this.start = start;
    this.end = end;
    this.clock = clock;
    this.origin = origin;
  }

  get size(): number {
    return this.end - this.start;
  }

  peek(): Element<T> | undefined {
    return this.start < this.end ? this.items[this.start] : undefined;
  }

  *[Symbol.iterator](): IterableIterator<T> {
    for (let i = this.start; i < this.end; i++) yield this.items[i]!.value;
  }

  *elements(): IterableIterator<Element<T>> {
    for (let i = this.start; i < this.end; i++) yield this.items[i]!;
  }

  /** The live items, head first (a copy). */
  live(): Item<T>[] {
    return this.items.slice(this.start, this.end);
  }
}

/** The internal view of a queue made by this package. */
export function valueOf<T>(queue: Queue<T>): QueueValue<T> {
  assert(queue instanceof QueueValue, 'not a queue made by @grove/queue (use a QueueType to create queues)');
  return queue as QueueValue<T>;
}

/** A queue holding `items` (in stamp order) with `clock`, remembering no stored tree. */
export function fromItems<T>(items: Item<T>[], clock: Stamp | undefined): QueueValue<T> {
  return new QueueValue(items, 0, items.length, clock, undefined);
}

/** `q`'s live items in a fresh array; the origin follows, shifted to the new indices. */
function copied<T>(q: QueueValue<T>, from: number, clock: Stamp | undefined): QueueValue<T> {
  const items = q.items.slice(from, q.end);
  const origin = q.origin && { ...q.origin, end: Math.max(0, q.origin.end - from) };
  return new QueueValue(items, 0, items.length, clock, origin);
}

/** `q` with `item` at the tail; `item`'s stamp must be above `q.clock`. */
export function pushItem<T>(q: QueueValue<T>, item: Item<T>): QueueValue<T> {
  if (q.end === q.items.length) {
    q.items.push(item);
    return new QueueValue(q.items, q.start, q.end + 1, item.stamp, q.origin);
  }
  const next = copied(q, q.start, item.stamp);
  next.items.push(item);
  return new QueueValue(next.items, 0, next.end + 1, item.stamp, next.origin);
}

/** `q` without its head item; `q` must not be empty. */
export function popItem<T>(q: QueueValue<T>): QueueValue<T> {
  const start = q.start + 1;
  if (start >= COMPACT_AFTER && start > q.end - start) return copied(q, start, q.clock);
  return new QueueValue(q.items, start, q.end, q.clock, q.origin);
}
