/**
 * The three-way merge of texts as one edit script on the base: each side's
 * edits found by diffing its tree against the base's (tree-diff.ts), then
 * combined (merge-hunks.ts). Runs in memory or over a store (drive.ts).
 */
import type { Inner, Leaf, Node } from './node.js';
import { mergeHunks } from './merge-hunks.js';
import type { Hunk } from './text-diff.js';
import { diffTrees, type Request } from './tree-diff.js';

/** The steps computing the merged script of `base` → `ours` and `base` → `theirs`. */
export function threeWay(base: Inner, ours: Inner, theirs: Inner) {
  return function* (get: (node: Node) => Leaf | Inner): Generator<Request, Hunk[], void> {
    const a = yield* diffTrees(base, ours, get);
    const b = yield* diffTrees(base, theirs, get);
    return mergeHunks(a, b);
  };
}

/**
 * Two texts with no common ancestor: as if both were inserted into an
 * empty base at position 0. Equal texts give that text; different ones are
 * both kept, the smaller (code unit order) first.
 */
export function unrelated(ours: string, theirs: string): string {
  if (ours === theirs) return ours;
  return ours < theirs ? ours + theirs : theirs + ours;
}
