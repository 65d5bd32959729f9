/**
 * The merge of one typed value that changed on both sides: a typed blob
 * merged by its `Mergeable`, or a structure merged by its `Structure`.
 */
import { isGroveError, type Conflict, type MergeResult, type Path } from '@grove/merge';
import type { BlobChild, TreeChild } from '../tree/tree.js';
import { isStructure, type TypeRegistry } from '../values/registry.js';
import { typedBlob, typedOf, type Nodes } from '../values/structure.js';
import { unknownType } from '../values/value.js';

function conflictOf(kind: Conflict['kind'], path: Path, sides: { base?: unknown; ours?: unknown; theirs?: unknown }, message: string): MergeResult<TreeChild> {
  return { ok: false, conflicts: [{ kind, path, ...sides, message }] };
}

/**
 * Merges three entries by the type their tags name. Different tags on the
 * two sides, an unregistered tag or an undecodable value are conflicts; a
 * base of another type counts as no common ancestor.
 */
export async function mergeTyped(types: TypeRegistry, nodes: Nodes, path: Path, base: TreeChild | undefined, ours: TreeChild, theirs: TreeChild): Promise<MergeResult<TreeChild>> {
  const [b, o, t] = await Promise.all([base === undefined ? undefined : typedOf(base, nodes), typedOf(ours, nodes), typedOf(theirs, nodes)]);
  const [bt, ot, tt] = [b?.tag, o?.tag, t?.tag];
  const where = path.join('/');
  if (ot === undefined || ot !== tt) {
    const [o, t] = [ot ?? 'directory', tt ?? 'directory'];
    return conflictOf('type-mismatch', path, { ours: o, theirs: t }, `${where}: ours holds a ${o}, theirs a ${t}; keep one of them`);
  }
  const type = types.get(ot);
  const sameBase = bt === ot ? base : undefined;
  const bp = sameBase === undefined ? undefined : b?.payload;
  const [op, tp] = [o!.payload, t!.payload];
  if (type === undefined) {
    return conflictOf('unknown-type', path, { base: bp, ours: op, theirs: tp }, `${unknownType(types, ot, { path }).message}, then merge again`);
  }
  if (isStructure(type)) return type.merge({ base: sameBase, ours, theirs, path, nodes });
  if (op === undefined || tp === undefined) {
    return conflictOf('invalid-value', path, {}, `${where}: a ${ot} must be a single blob, but one side holds a tree`);
  }
  let values: [unknown, unknown, unknown];
  try {
    values = [bp === undefined ? undefined : type.decode(bp), type.decode(op), type.decode(tp)];
  } catch (e) {
    if (!isGroveError(e)) throw e;
    return conflictOf('invalid-value', path, { ours: op, theirs: tp }, `${where}: a side holds bytes that are not a valid ${ot} (${e.message})`);
  }
  const [bv, ov, tv] = values;
  const merged = type.merge({ base: bv, ours: ov, theirs: tv, path });
  if (!merged.ok) return merged;
  const value = { ...typedBlob(type.tag, type.encode(merged.value)), mode: (ours as BlobChild).mode };
  return { ...merged, value };
}
