/**
 * Git's delta format (gitformat-pack "Deltified representation"): base and
 * result sizes, then copy-from-base and insert-literal instructions.
 */
import { constants } from 'node:buffer';

/**
 * Applies `delta` to `base`; returns a reason string instead when the delta
 * does not fit the base or is malformed.
 */
export function applyDelta(base: Buffer, delta: Buffer): Buffer | string {
  let at = 0;
  const size = (): number => {
    let value = 0;
    for (let scale = 1; at < delta.length && scale <= 2 ** 49; scale *= 128) {
      const byte = delta[at++]!;
      value += (byte & 0x7f) * scale;
      if ((byte & 0x80) === 0) return value;
    }
    return -1;
  };
  const baseSize = size();
  const resultSize = size();
  if (baseSize !== base.length) return `delta expects a ${baseSize}-byte base, found ${base.length}`;
  if (resultSize < 0 || resultSize > constants.MAX_LENGTH) return 'bad delta result size';
  const result = Buffer.allocUnsafe(resultSize);
  let out = 0;
  while (at < delta.length) {
    const op = delta[at++]!;
    if (op & 0x80) {
      // Copy: bits 0-3 say which offset bytes follow, bits 4-6 which size bytes.
      let offset = 0;
      let length = 0;
      for (let bit = 0; bit < 7; bit++) {
        if ((op & (1 << bit)) === 0) continue;
        if (at >= delta.length) return 'truncated copy instruction';
        const byte = delta[at++]!;
        if (bit < 4) offset += byte * 2 ** (8 * bit);
        else length += byte * 2 ** (8 * (bit - 4));
      }
      if (length === 0) length = 0x10000;
      if (offset + length > base.length || out + length > resultSize) return 'copy instruction out of range';
      base.copy(result, out, offset, offset + length);
      out += length;
    } else if (op > 0) {
      if (at + op > delta.length || out + op > resultSize) return 'insert instruction out of range';
      delta.copy(result, out, at, at + op);
      at += op;
      out += op;
    } else {
      return 'reserved delta instruction 0';
    }
  }
  return out === resultSize ? result : `delta produced ${out} bytes, expected ${resultSize}`;
}
