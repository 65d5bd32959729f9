/** History walks: the log newest first, and the commits that last changed a path. */
import type { Hash } from '../objects/hash.js';
import type { Path } from '../objects/names.js';
import type { Commit } from '../objects/objects.js';
import { MaxHeap } from '../internal/heap.js';
import type { ReadCommit } from './lca.js';

/** Every commit reachable from `heads`, each once, newest committer time first. */
export async function* walkHistory(read: ReadCommit, heads: readonly Hash[]): AsyncGenerator<Commit> {
  const heap = new MaxHeap<Commit>((a, b) => a.committer.timestamp > b.committer.timestamp);
  const seen = new Set<Hash>(heads);
  for (const h of heads) heap.push(await read(h));
  while (heap.size > 0) {
    const commit = heap.pop()!;
    yield commit;
    for (const p of commit.parents) {
      if (seen.has(p)) continue;
      seen.add(p);
      heap.push(await read(p));
    }
  }
}

/** The id of the entry at a path in a commit's tree (undefined: absent). */
export type EntryAt = (commit: Commit) => Promise<string | undefined>;

/**
 * The newest `limit` commits that changed the entry at a path, following
 * Git's history simplification: a commit changed it when the entry differs
 * from every parent; a merge that kept one parent's entry is followed only
 * through that parent. Cost: one tree lookup per visited commit.
 */
export async function lastModified(read: ReadCommit, entryAt: EntryAt, head: Hash, limit: number): Promise<Commit[]> {
  const found: Commit[] = [];
  const heap = new MaxHeap<Commit>((a, b) => a.committer.timestamp > b.committer.timestamp);
  const seen = new Set<Hash>([head]);
  heap.push(await read(head));
  while (heap.size > 0 && found.length < limit) {
    const commit = heap.pop()!;
    // The entry here and the parents' commits are independent reads: issue them together.
    const [mine, parents] = await Promise.all([entryAt(commit), Promise.all(commit.parents.map(read))]);
    const entries = await Promise.all(parents.map(entryAt));
    const same = parents.filter((_, i) => entries[i] === mine);
    if (same.length === 0 && (mine !== undefined || parents.length > 0)) found.push(commit);
    for (const p of same.length > 0 ? same.slice(0, 1) : parents) {
      if (seen.has(p.hash)) continue;
      seen.add(p.hash);
      heap.push(p);
    }
  }
  return found;
}
