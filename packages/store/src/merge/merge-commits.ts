/**
 * Merge of two commits' trees: find their lowest common ancestors; merge
 * several LCAs recursively into a virtual ancestor (Git's recursive
 * strategy, Irmin's `three_way_merge`); then merge the trees.
 *
 *        A---B---M?        M? = merge(base, B, D)
 *       / \ /            several LCAs (criss-cross): base = merge of the LCAs,
 *      o   X             itself merged with their own LCAs, and so on
 *       \ / \
 *        C---D
 */
import type { Conflict } from '@grove/merge';
import { lowestCommonAncestors, type ReadCommit } from '../history/lca.js';
import type { Hash } from '../objects/hash.js';
import { commitObject, type Commit } from '../objects/objects.js';
import type { Tree } from '../tree/tree.js';
import { mergeTrees, type MergeContext, type TreeMerge } from './merge-trees.js';

export interface CommitMergeContext extends MergeContext {
  readonly maxCommits: number;
  readonly readCommit: ReadCommit;
}

/** The merged tree of two commits, the conflicts, and the LCAs used. */
export interface CommitMerge extends TreeMerge {
  readonly lcas: readonly Hash[];
}

/** Merges the trees of commits `ours` and `theirs` (their LCAs, when the caller has them). Nothing is written. */
export async function mergeCommits(ctx: CommitMergeContext, ours: Hash, theirs: Hash, lcas?: readonly Hash[]): Promise<CommitMerge> {
  const virtual = new Map<Hash, { commit: Commit; tree: Tree }>();
  const read: ReadCommit = async (h) => virtual.get(h)?.commit ?? ctx.readCommit(h);
  const treeOf = async (h: Hash) => virtual.get(h)?.tree ?? ctx.nodes.tree((await read(h)).tree);

  const merge = async (a: Hash, b: Hash, depth: number, known?: readonly Hash[]): Promise<CommitMerge> => {
    const lcas = known ?? (await lowestCommonAncestors(read, a, b, ctx.maxCommits));
    let base: Tree | undefined;
    if (lcas.length > 0) {
      let acc = lcas[0]!;
      for (const next of lcas.slice(1)) {
        const sub = await merge(acc, next, depth + 1);
        if (sub.conflicts.length > 0) return { tree: await treeOf(a), conflicts: sub.conflicts.map((c) => inAncestor(c)), notes: [], lcas };
        const [x, y] = await Promise.all([read(acc), read(next)]);
        const { commit } = commitObject({
          tree: sub.tree.hash,
          parents: [acc, next],
          author: x.author,
          committer: x.committer.timestamp >= y.committer.timestamp ? x.committer : y.committer,
          message: `virtual ancestor ${depth}`,
        });
        virtual.set(commit.hash, { commit, tree: sub.tree });
        acc = commit.hash;
      }
      base = await treeOf(acc);
    }
    const m = await mergeTrees(ctx, base, await treeOf(a), await treeOf(b));
    return { ...m, lcas };
  };
  return merge(ours, theirs, 0, lcas);
}

function inAncestor(c: Conflict): Conflict {
  return { ...c, message: `while merging the common ancestors: ${c.message}` };
}
