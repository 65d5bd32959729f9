/** Values in the store: entries decoded by the type their tag names (or the type a caller gives), and back. */
import { isGroveError, type Mergeable } from '@grove/merge';
import { StoreError } from '../errors.js';
import type { Hash } from '../objects/hash.js';
import type { Path } from '../objects/names.js';
import type { TreeChild } from '../tree/tree.js';
import { bytes, isStructure, text, type StoredType, type TypeRegistry } from './registry.js';
import { typedBlob, typedOf, type Nodes, type Typed } from './structure.js';
import { canonicalTag } from './typed-blob.js';

/** A value read from the store: its entry's id, its type tag and the decoded value. */
export interface StoredValue {
  /** The blob id, or the root tree id of a structure. */
  readonly hash: Hash;
  readonly tag: string;
  /** The decoded value; undefined only in a diff, for a type this process does not know. */
  readonly value: unknown;
  /** False only in a diff, for a tag no family or registered type can build. */
  readonly known: boolean;
}

/** Where a value is read, for error messages: its path and, when known, the commit. */
export interface Place {
  readonly path?: Path;
  readonly commit?: Hash | undefined;
}

function where(place: Place): string {
  const at = place.path === undefined ? 'the value' : place.path.join('/') || '(root)';
  return place.commit === undefined ? at : `${at} at commit ${place.commit}`;
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

/** The typed error for a tag nothing here can build: names the tag and how to register it. */
export function unknownType(types: TypeRegistry, tag: string, place: Place): StoreError {
  return new StoreError(
    'unknown-type',
    `${where(place)} holds a ${tag}, a type this process does not know (${types.explain(tag)}); ` +
      'import the package that defines it, or register it: Repo.open(dir, { types: [yourType] }) or repo.types.register(yourType)',
    { ...(place.path ? { path: place.path } : {}), ...(place.commit ? { hash: place.commit } : {}), actual: tag },
  );
}

async function decodeAs(type: StoredType, child: TreeChild, typed: Typed, nodes: Nodes, place: Place): Promise<unknown> {
  const hash = child.kind === 'tree' ? child.tree.hash : child.hash;
  try {
    if (isStructure(type)) return await type.load(child, nodes);
    if (typed.payload === undefined) throw new StoreError('corrupt-object', `a ${typed.tag} is a single blob, but ${hash} is a tree`, { hash });
    return type.decode(typed.payload);
  } catch (e) {
    if (!isGroveError(e)) throw e;
    throw new StoreError(
      'corrupt-object',
      `${where(place)} (${hash}) is not a valid ${typed.tag}: ${e.message}; write it again with its type, or restore an older version`,
      { ...(place.path ? { path: place.path } : {}), hash, expected: typed.tag },
      { cause: e },
    );
  }
}

/**
 * The value an entry holds, decoded by the type its tag names; undefined
 * for a plain directory. Throws `unknown-type` for a tag nothing here can
 * build (unless `lenient`: then `known` is false and `value` undefined), and
 * `corrupt-object` for bytes the type cannot decode.
 */
export async function readValue(types: TypeRegistry, nodes: Nodes, child: TreeChild, place: Place = {}, lenient = false): Promise<StoredValue | undefined> {
  const typed = await typedOf(child, nodes);
  if (typed === undefined || child.kind === 'commit') return undefined;
  const hash = child.kind === 'blob' ? child.hash : child.tree.hash;
  const type = types.get(typed.tag);
  if (type === undefined) {
    if (lenient) return { hash, tag: typed.tag, value: undefined, known: false };
    throw unknownType(types, typed.tag, place);
  }
  return { hash, tag: typed.tag, value: await decodeAs(type, child, typed, nodes, place), known: true };
}

/**
 * The value an entry holds, decoded by `type`; undefined for a plain
 * directory. Throws `wrong-type` when the entry's tag is not `type`'s.
 */
export async function readAs<T>(type: StoredType, nodes: Nodes, child: TreeChild, place: Place): Promise<T | undefined> {
  const typed = await typedOf(child, nodes);
  if (typed === undefined || child.kind === 'commit') return undefined;
  const expected = canonicalTag(type.tag);
  if (typed.tag !== expected) {
    throw new StoreError('wrong-type', `${where(place)} holds a ${typed.tag}, not a ${expected}; read it with its own type`, {
      ...(place.path ? { path: place.path } : {}),
      expected,
      actual: typed.tag,
    });
  }
  return (await decodeAs(type, child, typed, nodes, place)) as T;
}
