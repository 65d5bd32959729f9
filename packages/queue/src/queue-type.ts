/**
 * `queue(codec, options)`: a queue type. Its values are immutable FIFO
 * queues; it pushes, pops and merges them in memory, encodes them as one
 * blob (a `Mergeable`), and stores them in a Grove store as a Merkle tree
 * (`stored`, a `Structure`).
 */
import { composeTag, integerOption, paramsOf, registerFamily, type Codec, type MergeArgs, type Mergeable } from '@grove/merge';
import type { WithHandle } from '@grove/store';
import { QueueError } from './errors.js';
import { queueHandle, type QueueHandle } from './handle.js';
import { decodeQueue, encodeQueue } from './internal/flat-codec.js';
import { Item } from './internal/item.js';
import { mergeQueues } from './internal/merge-items.js';
import { checkReplica, nextStamp, randomReplica } from './internal/stamps.js';
import { queueStructure } from './internal/structure.js';
import { fromItems, popItem, pushItem, valueOf } from './internal/value.js';
import type { Element, Queue, QueueStructure } from './queue.js';
import { compareStamps, type Stamp } from './stamp.js';

export interface QueueOptions {
  /** Milliseconds since the epoch (default `Date.now`); inject a fake clock in tests. */
  readonly clock?: () => number;
  /** This writer's id, 1-64 of `A-Z a-z 0-9 . _ -` (default: a random 64-bit id). One id per concurrent writer. */
  readonly replica?: string;
  /** Mean elements per chunk and children per tree node: a power of two from 4 to 1024 (default 64). */
  readonly fanout?: number;
}

/** What `pop` returns: the head and the queue without it, or an `empty-queue` error. */
export type PopResult<T> =
  | { readonly ok: true; readonly value: T; readonly element: Element<T>; readonly queue: Queue<T> }
  | { readonly ok: false; readonly error: QueueError };

/** A queue merge never conflicts; it reports the base elements both sides popped (delivered twice). */
export interface QueueMerge<T> {
  readonly ok: true;
  readonly value: Queue<T>;
  readonly deliveredTwice: readonly Element<T>[];
}

/** A queue type: the verbs on its queues, its `Mergeable` encoding, and its store `Structure`. */
export interface QueueType<T> extends Mergeable<Queue<T>> {
  /** The replica id this type stamps pushes with. */
  readonly replica: string;
  /** The queue with no elements and no clock. */
  empty(): Queue<T>;
  /** `queue` with `value` at the tail, stamped above its clock. Amortized O(1). */
  push(queue: Queue<T>, value: T): Queue<T>;
  /** The head and the rest, or `{ ok: false }` with an `empty-queue` error. Amortized O(1). */
  pop(queue: Queue<T>): PopResult<T>;
  /**
   * base − popped on either side, then the elements pushed on either side,
   * in stamp order; clock = max(ours, theirs). Never conflicts. O(n).
   */
  merge(args: MergeArgs<Queue<T>>): QueueMerge<T>;
  /**
   * The queue as a Merkle tree in a Grove store: pass it as the type of
   * `set`, `get` and `update`; in a document schema it gives a `QueueHandle`.
   */
  readonly stored: QueueStructure<T> & WithHandle<Queue<T>, QueueHandle<T>>;
}

const DEFAULT_FANOUT = 64;
const QUEUE = 'grove/queue@1';

function fanoutBits(tag: string, fanout: number): number {
  const bits = Math.log2(fanout);
  if (!Number.isInteger(bits) || bits < 2 || bits > 10) {
    throw new QueueError('invalid-option', `fanout ${fanout} is not usable; use a power of two from 4 to 1024`, { tag, option: 'fanout', value: fanout });
  }
  return bits;
}

const sameStamp = (a: Stamp | undefined, b: Stamp | undefined) => (a === undefined ? b === undefined : b !== undefined && compareStamps(a, b) === 0);
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * A queue type for elements of `codec`. Its tag is `grove/queue@1(<codec tag>)`,
 * with `,fanout=<n>` appended when the fanout is not 64.
 * @example
 * const Jobs = queue(codecs.string, { replica: 'worker-1' });
 * let q = Jobs.push(Jobs.push(Jobs.empty(), 'build'), 'test');
 * const r = Jobs.pop(q); // { ok: true, value: 'build', queue: ... }
 */
export function queue<T>(codec: Codec<T>, options: QueueOptions = {}): QueueType<T> {
  const fanout = options.fanout ?? DEFAULT_FANOUT;
  const tag = composeTag(QUEUE, [codec.tag], fanout === DEFAULT_FANOUT ? {} : { fanout: String(fanout) });
  const bits = fanoutBits(tag, fanout);
  const replica = options.replica ?? randomReplica();
  checkReplica(tag, replica);
  const clock = options.clock ?? Date.now;
  const type: QueueType<T> = {
    tag,
    replica,
    empty: () => fromItems([], undefined),
    push(queue, value) {
      const q = valueOf(queue);
      return pushItem(q, new Item(nextStamp(tag, clock(), q.clock, replica), value));
    },
    pop(queue) {
      const q = valueOf(queue);
      if (q.size === 0) return { ok: false, error: new QueueError('empty-queue', 'the queue is empty; check size (or peek) before popping', { tag }) };
      const head = q.items[q.start]!;
      return { ok: true, value: head.value, element: head, queue: popItem(q) };
    },
    merge({ base, ours, theirs }) {
      return { ok: true, ...mergeQueues(base && valueOf(base), valueOf(ours), valueOf(theirs)) };
    },
    equals(a, b) {
      const [x, y] = [valueOf(a), valueOf(b)];
      if (x.size !== y.size || !sameStamp(x.clock, y.clock)) return false;
      for (let i = 0; i < x.size; i++) {
        const [p, q] = [x.items[x.start + i]!, y.items[y.start + i]!];
        if (compareStamps(p.stamp, q.stamp) !== 0 || !sameBytes(p.bytes(codec), q.bytes(codec))) return false;
      }
      return true;
    },
    encode: (queue) => encodeQueue(valueOf(queue), codec),
    decode: (bytes) => decodeQueue(bytes, codec, tag),
    stored: { ...queueStructure(tag, codec, bits, () => type), handle: (cell) => queueHandle(type, cell) },
  };
  return type;
}

/** Rebuilds a queue's stored structure from its tag, as a reader that never pushes (a random replica id). */
registerFamily({
  name: QUEUE,
  build(term, resolve) {
    const [element] = paramsOf(term, { args: 1, options: ['fanout'] });
    const fanout = integerOption(term, 'fanout');
    return queue(resolve(element!), fanout === undefined ? {} : { fanout }).stored;
  },
});
