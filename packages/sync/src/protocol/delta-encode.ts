/**
 * Writing Git deltas (gitformat-pack "Deltified representation") for a
 * new version of an object against its previous version at the same path:
 * copy the common prefix and suffix from the base, insert what lies
 * between. A tree that changed one entry, or a text edited in one place,
 * becomes a few dozen bytes. O(size of the two objects).
 */

/** Largest copy one instruction can say (its size field is 3 bytes, 0 meaning 0x10000). */
const MAX_COPY = 0x10000;
/** Largest insert one instruction can say. */
const MAX_INSERT = 0x7f;

function varint(value: number, out: number[]): void {
  while (value >= 0x80) {
    out.push(0x80 | (value & 0x7f));
    value = Math.floor(value / 128);
  }
  out.push(value);
}

function copy(offset: number, length: number, out: number[]): void {
  for (let at = offset; at < offset + length; at += MAX_COPY) {
    const size = Math.min(MAX_COPY, offset + length - at);
    const bytes: number[] = [];
    let op = 0x80;
    for (let i = 0; i < 4; i++) {
      const b = Math.floor(at / 2 ** (8 * i)) & 0xff;
      if (b !== 0) {
        op |= 1 << i;
        bytes.push(b);
      }
    }
    const encoded = size === MAX_COPY ? 0 : size;
    for (let i = 0; i < 3; i++) {
      const b = (encoded >> (8 * i)) & 0xff;
      if (b !== 0) {
        op |= 1 << (4 + i);
        bytes.push(b);
      }
    }
    out.push(op, ...bytes);
  }
}

/**
 * A delta from `base` to `target`, or undefined when it would not be less
 * than half of `target` (then the object is better sent whole).
 */
export function encodeDelta(base: Uint8Array, target: Uint8Array): Buffer | undefined {
  const limit = Math.min(base.length, target.length);
  let prefix = 0;
  while (prefix < limit && base[prefix] === target[prefix]) prefix++;
  let suffix = 0;
  while (suffix < limit - prefix && base[base.length - 1 - suffix] === target[target.length - 1 - suffix]) suffix++;
  const middle = target.length - prefix - suffix;
  if (middle + 32 >= target.length / 2) return undefined;
  const out: number[] = [];
  varint(base.length, out);
  varint(target.length, out);
  if (prefix > 0) copy(0, prefix, out);
  for (let at = prefix; at < prefix + middle; at += MAX_INSERT) {
    const n = Math.min(MAX_INSERT, prefix + middle - at);
    out.push(n, ...target.subarray(at, at + n));
  }
  if (suffix > 0) copy(base.length - suffix, suffix, out);
  return Buffer.from(out);
}
