/** Values in the store: entries decoded through the registry by their tag, and back. */
import { isGroveError, type Mergeable } from '@grove/merge';
import { StoreError } from '../errors.js';
import type { Hash } from '../objects/hash.js';
import type { TreeChild } from '../tree/tree.js';
import { bytes, isStructure, text, type StoredType, type TypeRegistry } from './registry.js';
import { typedBlob, typedOf, type Nodes } from './structure.js';

/** A value read from the store: its entry's id, its type tag and the decoded value. */
export interface StoredValue {
  /** The blob id, or the root tree id of a structure. */
  readonly hash: Hash;
  readonly tag: string;
  /**
   * The decoded value. When no type is registered for `tag`: the raw
   * payload bytes of a blob, or the `Tree` of a structure.
   */
  readonly value: unknown;
  /** False when `tag` is not registered, so `value` holds bytes or a `Tree`. */
  readonly known: boolean;
}

/** The type used for `value` when none is given: text for strings, bytes for byte arrays. */
export function defaultType(value: unknown): Mergeable<any> {
  if (typeof value === 'string') return text;
  if (value instanceof Uint8Array) return bytes;
  throw new StoreError('wrong-type', `a ${typeof value} needs a type to be stored: pass one, e.g. set(path, value, { type: counter })`);
}

/** The entry storing `value` as `type`: a typed blob, or a structure's subtree. */
export function encodeChild<T>(type: StoredType, value: T, nodes: Nodes): Promise<TreeChild> {
  return isStructure(type) ? type.save(value, nodes) : Promise.resolve(typedBlob(type.tag, (type as Mergeable<T>).encode(value)));
}

/**
 * The value an entry holds, decoded by the type its tag names; undefined
 * for a plain directory. A bad payload for a known type is `corrupt-object`.
 */
export async function readValue(types: TypeRegistry, nodes: Nodes, child: TreeChild): Promise<StoredValue | undefined> {
  const typed = await typedOf(child, nodes);
  if (typed === undefined || child.kind === 'commit') return undefined;
  const { tag, payload } = typed;
  const hash = child.kind === 'blob' ? child.hash : child.tree.hash;
  const type = types.get(tag);
  try {
    if (type !== undefined && isStructure(type)) return { hash, tag, value: await type.load(child, nodes), known: true };
    if (payload === undefined) return { hash, tag, value: child.kind === 'tree' ? child.tree : undefined, known: false };
    return type === undefined ? { hash, tag, value: payload, known: false } : { hash, tag, value: type.decode(payload), known: true };
  } catch (e) {
    if (!isGroveError(e)) throw e;
    throw new StoreError('corrupt-object', `${hash} does not hold a valid ${tag}: ${e.message}`, { hash }, { cause: e });
  }
}
