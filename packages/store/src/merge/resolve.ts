/**
 * Settling a merge's conflicts: at each conflicting entry take our side,
 * their side, or a value given, so the merge can be committed. A conflict
 * may point inside a value (a record field, a map key); it is settled at
 * the entry that holds the value: the shortest prefix of its path that is a
 * value (a typed blob or a structure) on either side.
 *
 *        base ---- ours ----- M      M = merge(base, ours, theirs), where
 *          \                 /       conflicting entries take ours, theirs
 *           `---- theirs ---'        or the given value; nothing else changes
 */
import type { Conflict, Path } from '@grove/merge';
import type { Hash } from '../objects/hash.js';
import type { Tree, TreeChild } from '../tree/tree.js';
import type { StoredType } from '../values/registry.js';
import { tagOf } from '../values/structure.js';
import { encodeChild } from '../values/value.js';
import type { MergeContext, TreeMerge } from './merge-trees.js';

/** Which side a conflicting entry takes. */
export type MergeSide = 'ours' | 'theirs';

/**
 * How to settle the conflicts at or under `path`: take one side's entry
 * (absent there: the entry is removed), or store `value` as `type`.
 */
export type Resolution =
  | { readonly path: Path; readonly take: MergeSide }
  | { readonly path: Path; readonly value: unknown; readonly type: StoredType };

/** How a merge settles its conflicts: per path first, then `strategy` for the rest. */
export interface Settlement {
  /** The side every conflict no resolution covers takes. */
  readonly strategy?: MergeSide;
  readonly resolutions?: readonly Resolution[];
}

/** What settling needs from a repository: its types and objects, and the tree of a commit. */
export interface SettleContext extends MergeContext {
  commitTree(hash: Hash): Promise<Tree>;
}

const key = (path: Path) => path.join('/');
const isPrefix = (prefix: Path, path: Path) => prefix.length <= path.length && prefix.every((name, i) => name === path[i]);

/**
 * The path of the entry holding the value `path` points into: its shortest
 * prefix that is a value in one of `trees`; `path` itself when none is.
 * O(depth) tree reads.
 */
export async function entryPathOf(ctx: MergeContext, trees: readonly Tree[], path: Path): Promise<Path> {
  for (let n = 1; n < path.length; n++) {
    const prefix = path.slice(0, n);
    for (const tree of trees) {
      const child = await tree.get(prefix);
      if (child !== undefined && (child.kind === 'commit' || (await tagOf(child, ctx.nodes)) !== undefined)) return prefix;
    }
  }
  return path;
}

/**
 * `merged` with its conflicts settled as `settlement` says, when it says
 * anything: each conflicting entry takes the resolution whose path is the
 * longest prefix of the entry's (resolutions covering no conflict are not
 * applied), else the `strategy`'s side. Returns the conflicts left
 * unsettled; the merge may be committed only when there are none. Writes
 * nothing but the objects of resolved values. O(conflicts × depth).
 * @example
 * await settleMerge(repo, merged, ours, theirs, { strategy: 'theirs' }); // { tree, conflicts: [], notes }
 */
export async function settleMerge(ctx: SettleContext, merged: TreeMerge, ours: Hash, theirs: Hash, settlement: Settlement): Promise<TreeMerge> {
  if (merged.conflicts.length === 0 || (settlement.strategy === undefined && settlement.resolutions === undefined)) return merged;
  const sides = { ours: await ctx.commitTree(ours), theirs: await ctx.commitTree(theirs) };
  const trees = [sides.ours, sides.theirs];
  const resolutions = await Promise.all(
    (settlement.resolutions ?? []).map(async (r) => ({ resolution: r, at: await entryPathOf(ctx, trees, r.path) })),
  );
  const actions = new Map<string, { at: Path; resolution: Resolution }>();
  const unsettled: Conflict[] = [];
  for (const conflict of merged.conflicts) {
    const at = await entryPathOf(ctx, trees, conflict.path);
    const chosen = resolutions.filter((r) => isPrefix(r.at, at)).sort((a, b) => b.at.length - a.at.length)[0];
    if (chosen !== undefined) actions.set(key(chosen.at), chosen);
    else if (settlement.strategy !== undefined) actions.set(key(at), { at, resolution: { path: at, take: settlement.strategy } });
    else unsettled.push(conflict);
  }
  let tree = merged.tree;
  for (const { at, resolution } of actions.values()) {
    const child: TreeChild | undefined =
      'take' in resolution ? await sides[resolution.take].get(at) : await encodeChild(resolution.type, resolution.value, ctx.nodes);
    tree = child === undefined ? await tree.remove(at) : await tree.set(at, child);
  }
  return { tree, conflicts: unsettled, notes: merged.notes };
}
