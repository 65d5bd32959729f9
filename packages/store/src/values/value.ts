/** Values in the store: typed blobs decoded through the registry, and back. */
import { isGroveError, type Mergeable } from '@grove/merge';
import { StoreError } from '../errors.js';
import { hashObject, type Hash } from '../objects/hash.js';
import type { BlobChild, TreeChild } from '../tree/tree.js';
import { bytes, text, type TypeRegistry } from './registry.js';
import { decodeTyped, encodeTyped } from './typed-blob.js';

/** A value read from the store: its blob id, its type tag and the decoded value. */
export interface StoredValue {
  readonly hash: Hash;
  readonly tag: string;
  /** The decoded value; the raw payload bytes when no type is registered for `tag`. */
  readonly value: unknown;
  /** False when `tag` is not registered, so `value` holds the raw bytes. */
  readonly known: boolean;
}

/** A new blob entry holding `blob`, to be written with the next commit. */
export function blobChild(blob: Uint8Array): BlobChild {
  const hash = hashObject('blob', blob);
  return { kind: 'blob', mode: '100644', hash, pending: { hash, type: 'blob', payload: blob } };
}

/** The type used for `value` when none is given: text for strings, bytes for byte arrays. */
export function defaultType(value: unknown): Mergeable<any> {
  if (typeof value === 'string') return text;
  if (value instanceof Uint8Array) return bytes;
  throw new StoreError('wrong-type', `a ${typeof value} needs a type to be stored: pass one, e.g. set(path, value, { type: counter })`);
}

/** The blob storing `value` as `type`. */
export function encodeValue<T>(type: Mergeable<T>, value: T): Uint8Array {
  return encodeTyped(type.tag, type.encode(value));
}

/** Decodes a blob through the registry; a bad payload for a known type is a typed error. */
export function decodeValue(types: TypeRegistry, hash: Hash, blob: Uint8Array): StoredValue {
  const { tag, payload } = decodeTyped(blob);
  const type = types.get(tag);
  if (type === undefined) return { hash, tag, value: payload, known: false };
  try {
    return { hash, tag, value: type.decode(payload), known: true };
  } catch (e) {
    if (!isGroveError(e)) throw e;
    throw new StoreError('corrupt-object', `blob ${hash} does not hold a valid ${tag}: ${e.message}`, { hash }, { cause: e });
  }
}
