/**
 * Composite encodings as a list of netstrings: `<decimal length>:<bytes>,`
 * per part. Text parts stay readable in `git show`; lengths have no leading
 * zeros, so the framing is canonical.
 */
import { DecodeError } from '../errors.js';

const COLON = 0x3a;
const COMMA = 0x2c;

export function frame(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += String(p.length).length + p.length + 2;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    const length = String(p.length);
    for (let i = 0; i < length.length; i++) out[at++] = length.charCodeAt(i);
    out[at++] = COLON;
    out.set(p, at);
    at += p.length;
    out[at++] = COMMA;
  }
  return out;
}

export function unframe(bytes: Uint8Array, tag: string): Uint8Array[] {
  const parts: Uint8Array[] = [];
  let at = 0;
  const fail = (reason: string): never => {
    throw new DecodeError({ tag, offset: at, reason });
  };
  while (at < bytes.length) {
    let len = 0;
    const start = at;
    while (at < bytes.length && bytes[at] !== COLON) {
      const d = bytes[at]! - 0x30;
      if (d < 0 || d > 9) fail('expected a decimal length');
      if (at > start && len === 0) fail('length has a leading zero');
      len = len * 10 + d;
      if (len > bytes.length) fail('length runs past the end');
      at++;
    }
    if (at === start) fail('expected a decimal length');
    if (at >= bytes.length) fail('truncated: missing ":"');
    at++;
    if (at + len >= bytes.length) fail('truncated part');
    parts.push(bytes.subarray(at, at + len));
    at += len;
    if (bytes[at] !== COMMA) fail('expected "," after a part');
    at++;
  }
  return parts;
}
