/**
 * Compressing and decoding stored objects, shared by loose objects and
 * packs: deflate sized to the input, inflate with errors that say what is
 * damaged, and a final SHA-1 check, so a damaged repository yields
 * `corrupt-object`, never wrong data.
 */
import { constants, deflateSync, inflateSync } from 'node:zlib';
import { StoreError } from '../../errors.js';
import { hashObject, type Hash, type ObjectType } from '../../objects/hash.js';
import type { RawObject } from '../../objects/raw.js';

const TYPES = new Set<string>(['blob', 'tree', 'commit', 'tag']);

/** True for the four object type names Git stores. */
export function isObjectType(name: string): name is ObjectType {
  return TYPES.has(name);
}

/**
 * Up to this size deflate saves a few bytes at best, yet each call into
 * zlib costs microseconds: such objects go into a "stored" block.
 */
const TINY = 64;
/** Below this size, zlib's state and output buffer are sized to the input. */
const SMALL = 16 * 1024;

/**
 * zlib-compresses `bytes` at `level`. For small objects, the bulk of a
 * store, zlib's default state (256 KiB) and output chunk (16 KiB) would
 * dominate the cost and pin memory; a window just big enough for the input
 * compresses identically.
 */
export function deflateObject(bytes: Uint8Array, level: number): Buffer {
  if (bytes.length <= TINY) return storedZlib(bytes);
  if (bytes.length >= SMALL) return deflateSync(bytes, { level });
  const windowBits = Math.max(9, Math.ceil(Math.log2(bytes.length + 262)));
  return deflateSync(bytes, { level, windowBits, memLevel: Math.max(1, windowBits - 7), chunkSize: bytes.length + 64 });
}

/** A zlib stream (RFC 1950) holding `bytes` (at most 65535) in one stored deflate block (RFC 1951). */
function storedZlib(bytes: Uint8Array): Buffer {
  const out = Buffer.allocUnsafe(bytes.length + 11);
  out[0] = 0x78; // deflate, 32 KiB window
  out[1] = 0x01; // no dictionary; header check bits
  out[2] = 0x01; // final block, stored
  out.writeUInt16LE(bytes.length, 3);
  out.writeUInt16LE(~bytes.length & 0xffff, 5);
  out.set(bytes, 7);
  let a = 1;
  let b = 0;
  for (const byte of bytes) {
    a = (a + byte) % 65521;
    b = (b + a) % 65521;
  }
  out.writeUInt32BE(((b << 16) | a) >>> 0, bytes.length + 7);
  return out;
}

/** The error for a damaged object: what is wrong, and what to do. */
export function corruptObject(hash: Hash, reason: string, offset?: number): StoreError {
  return new StoreError(
    'corrupt-object',
    `object ${hash} is corrupt (${reason}); run \`git fsck\` in the repository and restore the object from a clone or backup`,
    offset === undefined ? { hash } : { hash, offset },
  );
}

/**
 * Inflates one zlib stream of object `hash`; truncated or garbled data
 * throws `corrupt-object`. `size`, the expected result size when known,
 * sizes zlib's output buffer (16 KiB by default: for the small objects of
 * a walk, allocating it costs more than inflating).
 */
export function inflateObject(data: Uint8Array, hash: Hash, offset?: number, size?: number): Buffer {
  try {
    return inflateSync(data, size === undefined ? {} : { chunkSize: outputChunk(size) });
  } catch (error) {
    throw corruptObject(hash, `zlib: ${error instanceof Error ? error.message : String(error)}`, offset);
  }
}

/** A zlib output chunk for `size` bytes: no smaller than zlib allows, no bigger than its default. */
export function outputChunk(size: number): number {
  return Math.min(Math.max(size + 1, constants.Z_MIN_CHUNK), constants.Z_DEFAULT_CHUNK);
}

/** The object, after checking that `type` and `payload` really hash to `hash`. */
export function verifiedObject(hash: Hash, type: ObjectType, payload: Buffer): RawObject {
  const actual = hashObject(type, payload);
  if (actual !== hash) throw corruptObject(hash, `its content hashes to ${actual}`);
  return { hash, type, payload };
}

/** Decodes a loose object file: zlib of `"<type> <length>\0<payload>"`. */
export function decodeLooseObject(hash: Hash, file: Uint8Array): RawObject {
  const framed = inflateObject(file, hash);
  const nul = framed.indexOf(0);
  const header = framed.toString('latin1', 0, nul < 0 ? Math.min(framed.length, 32) : nul);
  const [, type = '', length = ''] = /^([a-z]+) (0|[1-9][0-9]*)$/.exec(header) ?? [];
  if (nul < 0 || !isObjectType(type)) throw corruptObject(hash, `bad header ${JSON.stringify(header)}`);
  const payload = framed.subarray(nul + 1);
  if (payload.length !== Number(length)) {
    throw corruptObject(hash, `header says ${length} bytes, found ${payload.length}`);
  }
  return verifiedObject(hash, type, payload);
}
