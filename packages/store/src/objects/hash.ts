/** Git object ids: SHA-1 of `"<type> <length>\0<payload>"`, as 40 lowercase hex digits. */
import { createHash, hash as digest } from 'node:crypto';

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

/** Objects up to this size are framed in a reused buffer and hashed in one call. */
const SCRATCH_SIZE = 1 << 16;
const scratch = Buffer.allocUnsafe(SCRATCH_SIZE);
const PREFIX: Record<ObjectType, Buffer> = { blob: Buffer.from('blob '), tree: Buffer.from('tree '), commit: Buffer.from('commit '), tag: Buffer.from('tag ') };

/**
 * The id of an object. Small objects are framed in a reused buffer and
 * hashed with one call to Node's crypto (no allocation per object); large
 * ones are streamed into the hash without a copy.
 */
export function hashObject(type: ObjectType, payload: Uint8Array): Hash {
  const length = String(payload.length);
  const prefix = PREFIX[type];
  if (prefix.length + length.length + 1 + payload.length > SCRATCH_SIZE) {
    return createHash('sha1').update(prefix).update(`${length}\0`, 'latin1').update(payload).digest('hex');
  }
  scratch.set(prefix, 0);
  let at = prefix.length;
  for (let i = 0; i < length.length; i++) scratch[at++] = length.charCodeAt(i);
  scratch[at++] = 0;
  scratch.set(payload, at);
  return digest('sha1', scratch.subarray(0, at + payload.length), 'hex');
}

/** The id of the empty tree, which Git knows without storing it. */
export const EMPTY_TREE: Hash = '4b825dc642cb6eb9a060e54bf8d69288fbee4904';
