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

/**
 * The LCAs of `a` and `b`: common ancestors that are not ancestors of
 * another common ancestor. Empty when the histories are unrelated.
 * O(commits between the heads and their LCAs).
 */
export async function lowestCommonAncestors(read: ReadCommit, a: Hash, b: Hash, maxCommits = DEFAULT_MAX_COMMITS): Promise<Hash[]> {
  if (a === b) return [a];
  const flags = new Map<Hash, number>();
  const heap = new MaxHeap<Commit>((x, y) => x.committer.timestamp > y.committer.timestamp);
  const push = async (hash: Hash, flag: number) => {
    const before = flags.get(hash) ?? 0;
    if ((before & flag) === flag) return;
    flags.set(hash, before | flag);
    if (flags.size > maxCommits) {
      throw new StoreError('history-too-deep', `no common ancestor within ${maxCommits} commits; raise maxCommits to search further`, {});
    }
    heap.push(await read(hash));
  };
  const stale = (c: Commit) => ((flags.get(c.hash) ?? 0) & STALE) !== 0;
  await push(a, OURS);
  await push(b, THEIRS);
  const found: Hash[] = [];
  while (heap.some((c) => !stale(c))) {
    const commit = heap.pop()!;
    let flag = flags.get(commit.hash)!;
    if ((flag & (OURS | THEIRS)) === (OURS | THEIRS) && !(flag & STALE)) {
      found.push(commit.hash);
      flag |= STALE;
      flags.set(commit.hash, flag);
    }
    for (const p of commit.parents) await push(p, flag);
  }
  return removeRedundant(read, found, maxCommits);
}

/** Drops candidates that are ancestors of another candidate (timestamps can lie). */
async function removeRedundant(read: ReadCommit, candidates: Hash[], maxCommits: number): Promise<Hash[]> {
  if (candidates.length < 2) return candidates;
  const redundant = new Set<Hash>();
  for (const c of candidates) {
    const others = new Set(candidates.filter((x) => x !== c));
    const seen = new Set<Hash>();
    const stack = [...(await read(c)).parents];
    while (stack.length > 0) {
      const h = stack.pop()!;
      if (seen.has(h)) continue;
      seen.add(h);
      if (seen.size > maxCommits) break;
      if (others.has(h)) redundant.add(h);
      stack.push(...(await read(h)).parents);
    }
  }
  return candidates.filter((c) => !redundant.has(c));
}

/** True when `ancestor` is reachable from `descendant` (or equal). */
export async function isAncestor(read: ReadCommit, ancestor: Hash, descendant: Hash, maxCommits = DEFAULT_MAX_COMMITS): Promise<boolean> {
  if (ancestor === descendant) return true;
  const lcas = await lowestCommonAncestors(read, ancestor, descendant, maxCommits);
  return lcas.includes(ancestor);
}
