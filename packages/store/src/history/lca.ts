/**
 * Lowest common ancestors of two commits, by painting down from both sides
 * newest first (Git's `merge-base --all`), bounded by a number of commits.
 */
import { StoreError } from '../errors.js';
import { MaxHeap } from '../internal/heap.js';
import type { Hash } from '../objects/hash.js';
import type { Commit } from '../objects/objects.js';

const OURS = 1;
const THEIRS = 2;
const STALE = 4;

export type ReadCommit = (hash: Hash) => Promise<Commit>;

/** Commits visited before a search gives up with `history-too-deep`. */
export const DEFAULT_MAX_COMMITS = 1_000_000;

const newestFirst = () => new MaxHeap<Commit>((x, y) => x.committer.timestamp > y.committer.timestamp);

function tooDeep(maxCommits: number): StoreError {
  return new StoreError('history-too-deep', `no common ancestor within ${maxCommits} commits; raise maxCommits to search further`, {});
}

/**
 * The LCAs of `a` and `b`: common ancestors that are not ancestors of
 * another common ancestor. Empty when the histories are unrelated.
 * O(commits between the heads and their LCAs).
 */
export async function lowestCommonAncestors(read: ReadCommit, a: Hash, b: Hash, maxCommits = DEFAULT_MAX_COMMITS): Promise<Hash[]> {
  if (a === b) return [a];
  const flags = new Map<Hash, number>();
  const queued = new Map<Hash, number>();
  const heap = newestFirst();
  let fresh = 0; // queued entries whose commit is not stale: the walk ends when none is left
  const paint = (hash: Hash, flag: number) => {
    const before = flags.get(hash) ?? 0;
    const after = before | flag;
    if ((before & STALE) === 0 && (after & STALE) !== 0) fresh -= queued.get(hash) ?? 0;
    flags.set(hash, after);
    return after;
  };
  const push = async (hash: Hash, flag: number) => {
    const before = flags.get(hash) ?? 0;
    if ((before & flag) === flag) return;
    const after = paint(hash, flag);
    if (flags.size > maxCommits) throw tooDeep(maxCommits);
    heap.push(await read(hash));
    queued.set(hash, (queued.get(hash) ?? 0) + 1);
    if ((after & STALE) === 0) fresh++;
  };
  await push(a, OURS);
  await push(b, THEIRS);
  const found: Hash[] = [];
  while (fresh > 0 && heap.size > 0) {
    const commit = heap.pop()!;
    queued.set(commit.hash, queued.get(commit.hash)! - 1);
    let flag = flags.get(commit.hash)!;
    if ((flag & STALE) === 0) {
      fresh--;
      if ((flag & (OURS | THEIRS)) === (OURS | THEIRS)) {
        found.push(commit.hash);
        flag = paint(commit.hash, STALE);
      }
    }
    for (const p of commit.parents) await push(p, flag);
  }
  return removeRedundant(read, found, maxCommits);
}

/**
 * Drops candidates that are ancestors of another candidate (timestamps can
 * lie, so painting may find both). One walk from all candidates' parents,
 * newest first, stopping below the oldest candidate: a candidate kept by a
 * skewed clock only costs the merge an extra virtual ancestor, never a
 * wrong result.
 */
async function removeRedundant(read: ReadCommit, candidates: Hash[], maxCommits: number): Promise<Hash[]> {
  if (candidates.length < 2) return candidates;
  const commits = await Promise.all(candidates.map(read));
  const oldest = Math.min(...commits.map((c) => c.committer.timestamp));
  const wanted = new Set(candidates);
  const redundant = new Set<Hash>();
  const seen = new Set<Hash>();
  const heap = newestFirst();
  const visit = async (hash: Hash) => {
    if (seen.has(hash)) return;
    seen.add(hash);
    if (seen.size > maxCommits) throw tooDeep(maxCommits);
    heap.push(await read(hash));
  };
  for (const c of commits) for (const p of c.parents) await visit(p);
  while (heap.size > 0 && redundant.size < candidates.length - 1) {
    const commit = heap.pop()!;
    if (commit.committer.timestamp < oldest) break;
    if (wanted.has(commit.hash)) redundant.add(commit.hash);
    for (const p of commit.parents) await visit(p);
  }
  return candidates.filter((c) => !redundant.has(c));
}

/** True when `ancestor` is reachable from `descendant` (or equal). */
export async function isAncestor(read: ReadCommit, ancestor: Hash, descendant: Hash, maxCommits = DEFAULT_MAX_COMMITS): Promise<boolean> {
  if (ancestor === descendant) return true;
  const lcas = await lowestCommonAncestors(read, ancestor, descendant, maxCommits);
  return lcas.includes(ancestor);
}
