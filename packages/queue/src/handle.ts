/** The queue's handle in a document (`document(branch, { jobs: queue(codec).stored })`): push and pop. */
import type { Cell } from '@grove/store';
import type { Queue } from './queue.js';

/**
 * A stored queue's verbs inside `doc.change` or `doc.read`, stamping pushes
 * with its queue type's replica and clock. An absent queue is empty. The
 * first verb of a change loads the queue; `push` and `pop` are amortized
 * O(1) in memory and the change saves the changed chunks once.
 * @example
 * await doc.change(async (d) => { await d.jobs.push('build'); const next = await d.jobs.pop(); });
 */
export interface QueueHandle<T> {
  /** Adds `value` at the tail. */
  push(value: T): Promise<void>;
  /** Removes and returns the head; undefined when the queue is empty. */
  pop(): Promise<T | undefined>;
  /** The head without removing it; undefined when empty. */
  peek(): Promise<T | undefined>;
  /** The number of elements. */
  size(): Promise<number>;
  /** The values, head first. */
  values(): Promise<T[]>;
}

/** The verbs of a `QueueType` the handle uses (an interface, so `queue-type.ts` and this file import one way). */
interface QueueVerbs<T> {
  empty(): Queue<T>;
  push(queue: Queue<T>, value: T): Queue<T>;
  pop(queue: Queue<T>): { readonly ok: true; readonly value: T; readonly queue: Queue<T> } | { readonly ok: false };
}

/** The handle over `cell` for queues of `type` (a `QueueType`). */
export function queueHandle<T>(type: QueueVerbs<T>, cell: Cell<Queue<T>>): QueueHandle<T> {
  const current = async () => (await cell.get()) ?? type.empty();
  return {
    push: async (value) => void (await cell.update((q) => type.push(q ?? type.empty(), value))),
    pop: async () => {
      let value: T | undefined;
      await cell.update((q) => {
        const r = type.pop(q ?? type.empty());
        if (!r.ok) return q;
        value = r.value;
        return r.queue;
      });
      return value;
    },
    peek: async () => (await current()).peek()?.value,
    size: async () => (await current()).size,
    values: async () => [...(await current())],
  };
}
