/**
 * Replays a concurrent trace in a store: every transaction a commit, every
 * transaction with several parents a Grove merge of their commits (common
 * ancestors, tree merge, the rope's own merge), then its patches on top.
 */
import type { Hash, Repo, Tree } from '@grove/store';
import { Rope } from '../rope.js';
import { structure } from '../structure.js';
import { applyPatches, type ConcurrentTrace } from './read-trace.js';

/** Where a replay ended. */
export interface Replayed {
  /** The commit of the last transaction. */
  readonly head: Hash;
  /** The text at `head`. */
  readonly rope: Rope;
  readonly commits: number;
  readonly merges: number;
}

interface State {
  /** The commit of this transaction, or of its last committed ancestor. */
  readonly commit: Hash;
  readonly tree: Tree;
  readonly rope: Rope;
  /** Children still to replay. */
  pending: number;
}

/** When the replay commits. */
export interface ReplayOptions {
  /** Where the text is stored (default `['doc']`). */
  readonly path?: readonly string[];
  /**
   * `transaction` (default): every transaction is a commit. `sync`: only the
   * transactions another author sees: forks, parents of merges, merges and
   * the last one, as an author would commit before syncing.
   */
  readonly commits?: 'transaction' | 'sync';
}

/** The transactions the `sync` mode commits. */
function syncPoints(trace: ConcurrentTrace): boolean[] {
  const commit = trace.txns.map((t, i) => t.numChildren !== 1 || t.parents.length !== 1 || i === trace.txns.length - 1);
  for (const t of trace.txns) if (t.parents.length > 1) for (const p of t.parents) commit[p] = true;
  return commit;
}

/**
 * Replays `trace` into `repo`. Throws if a merge reports a conflict (a
 * text merge never should).
 * @example
 * const { rope } = await replayConcurrent(readConcurrentTrace(), Repo.memory());
 */
export async function replayConcurrent(trace: ConcurrentTrace, repo: Repo, options: ReplayOptions = {}): Promise<Replayed> {
  const path = options.path ?? ['doc'];
  const commitAt = options.commits === 'sync' ? syncPoints(trace) : trace.txns.map(() => true);
  const states: (State | undefined)[] = [];
  let [merges, commits] = [0, 0];
  let last: State | undefined;
  for (const [i, txn] of trace.txns.entries()) {
    const parents = txn.parents.map((p) => states[p]!);
    let tree: Tree;
    let rope: Rope;
    if (parents.length === 0) [tree, rope] = [repo.nodes.emptyTree(), Rope.empty];
    else if (parents.length === 1) [tree, rope] = [parents[0]!.tree, parents[0]!.rope];
    else {
      merges++;
      [tree, rope] = await mergeOf(repo, parents.map((p) => p.commit), path, i);
    }
    rope = applyPatches(rope, txn.patches);
    let commit = parents[0]?.commit;
    if (commitAt[i] || commit === undefined) {
      tree = await tree.set(path, await structure.save(rope, repo.nodes));
      commit = (await repo.writeCommit(tree, parents.map((p) => p.commit), { message: `transaction ${i} by agent ${txn.agent}` })).hash;
      commits++;
    }
    last = { commit, tree, rope, pending: txn.numChildren };
    states[i] = last;
    for (const [k, p] of txn.parents.entries()) if (--parents[k]!.pending === 0) states[p] = undefined;
  }
  if (last === undefined) throw new RangeError('the trace has no transaction');
  return { head: last.commit, rope: last.rope, commits, merges };
}

async function mergeOf(repo: Repo, commits: readonly Hash[], path: readonly string[], txn: number): Promise<[Tree, Rope]> {
  let head = commits[0]!;
  let merged: Tree | undefined;
  for (const next of commits.slice(1)) {
    const m = await repo.mergeCommits(head, next);
    if (m.conflicts.length > 0) throw new Error(`transaction ${txn}: the merge conflicts: ${m.conflicts.map((c) => c.message).join('; ')}`);
    merged = m.tree;
    if (commits.length > 2) head = (await repo.writeCommit(m.tree, [head, next], { message: `merge for transaction ${txn}` })).hash;
  }
  const child = await merged!.get(path);
  return [merged!, child === undefined ? Rope.empty : await structure.load(child, repo.nodes)];
}
