/**
 * The entry headers of a version 2 packfile (Git's gitformat-pack): a type
 * and an inflated size in a variable-length integer, then for deltas the base.
 */
import type { ObjectType } from '../../objects/hash.js';

/** Bytes that always hold an entry header with its delta base reference. */
export const MAX_ENTRY_HEADER = 32;
/** The `PACK` signature and the version we write. */
export const PACK_SIGNATURE = 0x5041434b;
export const PACK_VERSION = 2;

const CODES: Record<ObjectType, number> = { commit: 1, tree: 2, blob: 3, tag: 4 };
const TYPES: readonly (ObjectType | undefined)[] = [undefined, 'commit', 'tree', 'blob', 'tag'];
const OFS_DELTA = 6;
const REF_DELTA = 7;

/** A decoded entry header: a whole object, or a delta against a base at an offset or with an id. */
export type EntryHeader =
  | { readonly kind: 'object'; readonly type: ObjectType; readonly size: number; readonly dataStart: number }
  | { readonly kind: 'ofs-delta'; readonly baseOffset: number; readonly size: number; readonly dataStart: number }
  | { readonly kind: 'ref-delta'; readonly baseHash: Buffer; readonly size: number; readonly dataStart: number };

/** The type code and size of an entry header, as bytes. */
function typeAndSize(code: number, size: number): number[] {
  const bytes = [(code << 4) | (size & 0x0f)];
  let rest = Math.floor(size / 16);
  while (rest > 0) {
    bytes[bytes.length - 1]! |= 0x80;
    bytes.push(rest & 0x7f);
    rest = Math.floor(rest / 128);
  }
  return bytes;
}

/** Encodes the header of an undeltified entry. */
export function encodeEntryHeader(type: ObjectType, size: number): Buffer {
  return Buffer.from(typeAndSize(CODES[type], size));
}

/**
 * Encodes the header of a delta entry of `size` delta bytes: OFS_DELTA
 * against the entry `distance` bytes before it, or REF_DELTA against the
 * object with raw id `id`.
 */
export function encodeDeltaHeader(size: number, base: { readonly distance: number } | { readonly id: Buffer }): Buffer {
  if ('id' in base) return Buffer.concat([Buffer.from(typeAndSize(REF_DELTA, size)), base.id]);
  // The distance in Git's offset encoding: 7 bits a byte, most significant first, each continued byte less one.
  let n = base.distance;
  const offset = [n & 0x7f];
  while ((n = Math.floor(n / 128)) > 0) offset.unshift(0x80 | (--n & 0x7f));
  return Buffer.from([...typeAndSize(OFS_DELTA, size), ...offset]);
}

/**
 * Decodes the header of the entry at pack offset `offset` from `bytes` (read
 * from there); returns a reason string when the bytes are not a valid header.
 */
export function decodeEntryHeader(bytes: Buffer, offset: number): EntryHeader | string {
  let at = 0;
  const next = (): number | undefined => (at < bytes.length ? bytes[at++] : undefined);
  let byte = next() ?? 0;
  const code = (byte >> 4) & 7;
  let size = byte & 0x0f;
  for (let scale = 16; byte & 0x80; scale *= 128) {
    byte = next() ?? -1;
    if (byte < 0) return 'truncated entry header';
    if (scale > Number.MAX_SAFE_INTEGER / 128) return 'entry size overflows';
    size += (byte & 0x7f) * scale;
  }
  const type = TYPES[code];
  if (type !== undefined) return { kind: 'object', type, size, dataStart: offset + at };
  if (code === REF_DELTA) {
    if (at + 20 > bytes.length) return 'truncated delta base id';
    return { kind: 'ref-delta', baseHash: bytes.subarray(at, at + 20), size, dataStart: offset + at + 20 };
  }
  if (code !== OFS_DELTA) return `unknown entry type ${code}`;
  let distance = -1;
  do {
    byte = next() ?? -1;
    if (byte < 0) return 'truncated delta base offset';
    if (distance > Number.MAX_SAFE_INTEGER / 256) return 'delta base offset overflows';
    distance = (distance + 1) * 128 + (byte & 0x7f);
  } while (byte & 0x80);
  if (distance <= 0 || distance > offset) return 'delta base offset out of range';
  return { kind: 'ofs-delta', baseOffset: offset - distance, size, dataStart: offset + at };
}
