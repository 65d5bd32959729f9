/**
 * Three-way merge of trees, path by path. Where one side still has the
 * base's id, the other side wins without descending, so the cost follows
 * the size of the change, not of the data. Values changed on both sides
 * merge by their type (see merge-values.ts), even when both sides made the
 * same change: a counter incremented by 1 on each side gains 2.
 */
import type { Conflict, MergeNote, Path } from '@grove/merge';
import type { Tree, TreeChild } from '../tree/tree.js';
import type { TypeRegistry } from '../values/registry.js';
import { tagOf, type Nodes } from '../values/structure.js';
import { mergeTyped } from './merge-typed.js';

/**
 * A merged tree, the conflicts found on the way (the tree holds ours where
 * they conflict), and the notes of the typed merges that succeeded.
 */
export interface TreeMerge {
  readonly tree: Tree;
  readonly conflicts: readonly Conflict[];
  readonly notes: readonly MergeNote[];
}

type ChildMerge = { readonly child: TreeChild | undefined; readonly conflicts: readonly Conflict[]; readonly notes?: readonly MergeNote[] };

export interface MergeContext {
  readonly types: TypeRegistry;
  readonly nodes: Nodes;
}

const idOf = (c: TreeChild | undefined): string | undefined =>
  c === undefined ? undefined : c.kind === 'tree' ? `t${c.tree.hash}` : `${c.mode}${c.hash}`;

/** Merges `ours` and `theirs` with `base` as their common ancestor (undefined: none). */
export async function mergeTrees(ctx: MergeContext, base: Tree | undefined, ours: Tree, theirs: Tree, path: Path = []): Promise<TreeMerge> {
  if (base?.hash === theirs.hash) return { tree: ours, conflicts: [], notes: [] };
  if (base?.hash === ours.hash) return { tree: theirs, conflicts: [], notes: [] };
  const [b, o, t] = await Promise.all([base?.entries(), ours.entries(), theirs.entries()]);
  const names = [...new Set([...o.keys(), ...t.keys()])].sort();
  const conflicts: Conflict[] = [];
  const notes: MergeNote[] = [];
  const changes = new Map<string, TreeChild | undefined>();
  for (const name of names) {
    const [bc, oc, tc] = [b?.get(name), o.get(name), t.get(name)];
    const [bi, oi, ti] = [idOf(bc), idOf(oc), idOf(tc)];
    if (bi === ti || (oc === undefined && tc === undefined)) continue;
    const r: ChildMerge = bi === oi ? { child: tc, conflicts: [] } : await mergeChild(ctx, [...path, name], bc, oc, tc);
    conflicts.push(...r.conflicts);
    notes.push(...(r.notes ?? []));
    if (r.child !== oc) changes.set(name, r.child);
  }
  return { tree: await ours.patch(changes), conflicts, notes };
}

async function mergeChild(ctx: MergeContext, path: Path, b: TreeChild | undefined, o: TreeChild | undefined, t: TreeChild | undefined): Promise<ChildMerge> {
  const where = path.join('/');
  if (o === undefined || t === undefined) {
    const kind = o === undefined ? 'deleted-by-us' : 'deleted-by-theirs';
    const message = `${where}: removed on ${o === undefined ? 'our' : 'their'} side but changed on the other; keep the change or the removal`;
    return { child: o, conflicts: [{ kind, path, base: idOf(b), ours: idOf(o), theirs: idOf(t), message }] };
  }
  const plainDirectories = o.kind === 'tree' && t.kind === 'tree' && (await tagOf(o, ctx.nodes)) === undefined && (await tagOf(t, ctx.nodes)) === undefined;
  if (plainDirectories) {
    const m = await mergeTrees(ctx, b?.kind === 'tree' ? b.tree : undefined, o.tree, t.tree, path);
    return { child: { kind: 'tree', tree: m.tree }, conflicts: m.conflicts, notes: m.notes };
  }
  if (o.kind !== 'commit' && t.kind !== 'commit') {
    const r = await mergeTyped(ctx.types, ctx.nodes, path, b, o, t);
    return r.ok ? { child: r.value, conflicts: [], notes: r.notes ?? [] } : { child: o, conflicts: r.conflicts };
  }
  if (o.kind === t.kind) {
    const message = `${where}: the submodule commit changed on both sides; pick one`;
    return { child: o, conflicts: [{ kind: 'both-modified', path, base: idOf(b), ours: idOf(o), theirs: idOf(t), message }] };
  }
  const message = `${where}: ours holds a ${o.kind}, theirs a ${t.kind}; keep one of them`;
  return { child: o, conflicts: [{ kind: 'type-mismatch', path, ours: o.kind, theirs: t.kind, message }] };
}
