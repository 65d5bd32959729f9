/** Differences between two trees, path by path, skipping subtrees with equal ids. */
import type { Path } from '../objects/names.js';
import type { Tree, TreeChild } from '../tree/tree.js';

/** One changed entry: its path, what happened, and the blob ids before and after. */
export interface RawChange {
  readonly path: Path;
  readonly kind: 'added' | 'removed' | 'updated';
  readonly old?: TreeChild;
  readonly new?: TreeChild;
}

/**
 * The changes that turn `a` into `b` (undefined: the empty tree), in path
 * order. O(changed entries × depth): equal subtrees are never opened.
 */
export async function diffTrees(a: Tree | undefined, b: Tree | undefined, prefix: Path = []): Promise<RawChange[]> {
  if (a?.hash === b?.hash) return [];
  const [ea, eb] = await Promise.all([a?.entries(), b?.entries()]);
  const names = [...new Set([...(ea?.keys() ?? []), ...(eb?.keys() ?? [])])].sort();
  const out: RawChange[] = [];
  for (const name of names) {
    const path = [...prefix, name];
    const [x, y] = [ea?.get(name), eb?.get(name)];
    const xt = x?.kind === 'tree' ? x.tree : undefined;
    const yt = y?.kind === 'tree' ? y.tree : undefined;
    if (xt !== undefined || yt !== undefined) out.push(...(await diffTrees(xt, yt, path)));
    const xv = x?.kind === 'tree' ? undefined : x;
    const yv = y?.kind === 'tree' ? undefined : y;
    if (xv === undefined && yv === undefined) continue;
    if (xv === undefined) out.push({ path, kind: 'added', new: yv! });
    else if (yv === undefined) out.push({ path, kind: 'removed', old: xv });
    else if (xv.hash !== yv.hash || xv.mode !== yv.mode) out.push({ path, kind: 'updated', old: xv, new: yv });
  }
  return out;
}

/** Whether `path` is `prefix` or lies below it. */
export function isUnder(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((s, i) => path[i] === s);
}
