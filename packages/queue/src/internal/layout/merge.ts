/**
 * The queue merge on stored trees: the elements theirs removed from the
 * base are removed from ours, the elements theirs added are inserted into
 * ours. That is base ∩ ours ∩ theirs plus what either side added, the same
 * result as merging in memory, and the same tree whichever side is ours.
 */
import type { Tree } from '@grove/store';
import type { Item } from '../item.js';
import { maxClock } from '../merge-items.js';
import { Builder } from './builder.js';
import { Cursor } from './cursor.js';
import { diffTrees } from './diff.js';
import { applyEdits } from './edit.js';
import type { Layout } from './layout.js';
import { readRoot, writeRoot, type Root } from './root.js';

export interface TreeMerge<T> {
  readonly root: Tree;
  /** Base elements popped on both sides, in stamp order. */
  readonly deliveredTwice: Item<T>[];
}

/** Reads the nodes that differ between the base and theirs, and the nodes of ours where those changes land. */
export async function mergeTrees<T>(layout: Layout<T>, base: Tree | undefined, ours: Tree, theirs: Tree): Promise<TreeMerge<T>> {
  if (base?.hash === ours.hash) return { root: theirs, deliveredTwice: [] };
  if (base?.hash === theirs.hash) return { root: ours, deliveredTwice: [] };
  const [b, o, t] = await Promise.all([base && readRoot(layout, base), readRoot(layout, ours), readRoot(layout, theirs)]);
  const cursor = (root: Root | undefined) => Cursor.open(layout, root?.children ?? []);
  const { removed, added } = await diffTrees(await cursor(b), await cursor(t));
  const builder = new Builder(layout);
  const deliveredTwice = await applyEdits(await cursor(o), { removals: removed, insertions: added }, builder);
  return { root: await writeRoot(layout, await builder.finish(), maxClock(o.clock, t.clock)), deliveredTwice };
}
