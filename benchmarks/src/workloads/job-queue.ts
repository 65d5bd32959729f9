/**
 * The job-queue workload: a queue of strings in a store, pushed and popped
 * by workers that keep the queue in memory between commits (each commit
 * writes only what changed since the last), with a fake clock per worker.
 */
import { codecs } from '@grove/merge';
import { queue, type Queue, type QueueType } from '@grove/queue';
import type { Branch } from '@grove/store';

/** A worker's queue type: stamps from a clock that moves 1 ms per push, from a fixed instant. */
export function worker(replica: string): QueueType<string> {
  let now = Date.UTC(2025, 0, 1);
  return queue(codecs.string, { replica, clock: () => now++ });
}

/** `q` after `n` pushes of `<prefix><i>`, i from `from`. */
export function pushMany(type: QueueType<string>, q: Queue<string>, n: number, prefix: string, from = 0): Queue<string> {
  for (let i = from; i < from + n; i++) q = type.push(q, `${prefix}${i}`);
  return q;
}

/** `q` after `n` pops (fewer when it empties). */
export function popMany(type: QueueType<string>, q: Queue<string>, n: number): Queue<string> {
  for (let i = 0; i < n; i++) {
    const r = type.pop(q);
    if (!r.ok) break;
    q = r.queue;
  }
  return q;
}

/** Commits `q` at `jobs` on `branch`. */
export async function commitQueue(branch: Branch, type: QueueType<string>, q: Queue<string>): Promise<void> {
  await branch.set(['jobs'], q, { type: type.stored, message: 'jobs' });
}
