/** Git object ids: SHA-1 of `"<type> <length>\0<payload>"`, as 40 lowercase hex digits. */
import { hash as digest } from 'node:crypto';

/** A Git object id: 40 lowercase hex digits. */
export type Hash = string;

/** The four Git object types. */
export type ObjectType = 'blob' | 'tree' | 'commit' | 'tag';

const HEX40 = /^[0-9a-f]{40}$/;

export function isHash(value: string): value is Hash {
  return HEX40.test(value);
}

/** The framed bytes Git hashes and stores (zlib-compressed) for an object. */
export function frameObject(type: ObjectType, payload: Uint8Array): Buffer {
  const header = Buffer.from(`${type} ${payload.length}\0`, 'latin1');
  return Buffer.concat([header, payload], header.length + payload.length);
}

/** The id of an object, computed with Node's crypto in one call. */
export function hashObject(type: ObjectType, payload: Uint8Array): Hash {
  return digest('sha1', frameObject(type, payload), 'hex');
}

/** The id of the empty tree, which Git knows without storing it. */
export const EMPTY_TREE: Hash = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
