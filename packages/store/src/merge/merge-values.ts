/** The merge of one value that changed on both sides: dispatched to its type's merge. */
import { isGroveError, type Conflict, type MergeResult, type Path } from '@grove/merge';
import type { Objects } from '../objects/objects.js';
import type { BlobChild as Blob, TreeChild } from '../tree/tree.js';
import type { TypeRegistry } from '../values/registry.js';
import { decodeTyped, encodeTyped } from '../values/typed-blob.js';
import { blobChild } from '../values/value.js';


function conflictOf(kind: Conflict['kind'], path: Path, sides: { base?: unknown; ours?: unknown; theirs?: unknown }, message: string): MergeResult<TreeChild> {
  return { ok: false, conflicts: [{ kind, path, ...sides, message }] };
}

/**
 * Merges three blobs by the type their headers name. Different types on the
 * two sides, an unregistered type or an undecodable value are conflicts;
 * a base of another type counts as no common ancestor.
 */
export async function mergeValues(types: TypeRegistry, objects: Objects, path: Path, base: Blob | undefined, ours: Blob, theirs: Blob): Promise<MergeResult<TreeChild>> {
  const [b, o, t] = await Promise.all([base, ours, theirs].map(async (x) => (x === undefined ? undefined : decodeTyped(await objects.readBlob(x.hash)))));
  const where = path.join('/');
  if (o!.tag !== t!.tag) {
    return conflictOf('type-mismatch', path, { ours: o!.tag, theirs: t!.tag }, `${where}: ours holds a ${o!.tag}, theirs a ${t!.tag}; keep one of them`);
  }
  const type = types.get(o!.tag);
  if (type === undefined) {
    return conflictOf('unknown-type', path, { base: b?.payload, ours: o!.payload, theirs: t!.payload }, `${where}: no merge registered for type ${o!.tag}; register it (repo.types.register) and merge again`);
  }
  let values: [unknown, unknown, unknown];
  try {
    values = [b === undefined || b.tag !== o!.tag ? undefined : type.decode(b.payload), type.decode(o!.payload), type.decode(t!.payload)];
  } catch (e) {
    if (!isGroveError(e)) throw e;
    return conflictOf('invalid-value', path, { ours: o!.payload, theirs: t!.payload }, `${where}: a side holds bytes that are not a valid ${o!.tag} (${e.message})`);
  }
  const [bv, ov, tv] = values;
  const merged = type.merge({ base: bv, ours: ov, theirs: tv, path });
  if (!merged.ok) return merged;
  const child = blobChild(encodeTyped(type.tag, type.encode(merged.value)));
  return { ok: true, value: { ...child, mode: ours.mode } };
}
