/**
 * The 64-bit hash that places a key in its shard: FNV-1a and a
 * multiply-xorshift lane over the key's canonical bytes, each finished with
 * MurmurHash3's fmix32. Part of the stored format: it never changes.
 * Not cryptographic: crafted keys can share a hash, which costs time (their
 * leaf grows past the capacity at the last level), never correctness.
 */

/** A key's hash as two signed 32-bit halves (small integers in V8). */
export interface KeyHash {
  hi: number;
  lo: number;
}

/** Levels of hex digits in a hash: a leaf at this depth holds every key that shares the full hash. */
export const MAX_DEPTH = 16;

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

let scratch = new Uint8Array(256);

/** Writes the bytes of `key` into `scratch` (UTF-8, or one byte per char), returning their count. */
function bytesOf(key: string, binary: boolean): number {
  if (scratch.length < key.length * 3) scratch = new Uint8Array(key.length * 3);
  const out = scratch;
  let n = 0;
  for (let i = 0; i < key.length; i++) {
    let c = key.charCodeAt(i);
    if (binary || c < 0x80) out[n++] = c;
    else if (c < 0x800) {
      out[n++] = 0xc0 | (c >> 6);
      out[n++] = 0x80 | (c & 63);
    } else if (c >= 0xd800 && c < 0xdc00 && i + 1 < key.length) {
      c = 0x10000 + ((c - 0xd800) << 10) + (key.charCodeAt(++i) - 0xdc00);
      out[n++] = 0xf0 | (c >> 18);
      out[n++] = 0x80 | ((c >> 12) & 63);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    } else {
      out[n++] = 0xe0 | (c >> 12);
      out[n++] = 0x80 | ((c >> 6) & 63);
      out[n++] = 0x80 | (c & 63);
    }
  }
  return n;
}

/**
 * Hashes `key` into `out`: its UTF-8 bytes when `binary` is false (the key
 * must be well formed), else one byte per char (a binary string). O(length).
 */
export function hashKey(key: string, binary: boolean, out: KeyHash): KeyHash {
  const n = bytesOf(key, binary);
  const bytes = scratch;
  let a = 0x811c9dc5 | 0;
  let b = 0x9e3779b9 | 0;
  for (let i = 0; i < n; i++) {
    const byte = bytes[i]!;
    a = Math.imul(a ^ byte, 0x01000193);
    b = Math.imul(b ^ byte, 0x5bd1e995);
    b ^= b >>> 15;
  }
  out.hi = fmix32(a ^ n);
  out.lo = fmix32(b ^ Math.imul(n, 0x27d4eb2d) ^ out.hi);
  return out;
}

/** The hex digit of a hash at `depth` (0 is the most significant). */
export function digitAt(hi: number, lo: number, depth: number): number {
  return depth < 8 ? (hi >>> (28 - 4 * depth)) & 15 : (lo >>> (60 - 4 * depth)) & 15;
}
