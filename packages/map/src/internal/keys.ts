/** Map keys: any well-formed string, ordered as their UTF-8 bytes (the order `mapOf` encodes them in). */
import { EncodeError } from '@grove/merge';

/** Throws `EncodeError` for a key UTF-8 cannot hold (a lone surrogate). */
export function checkKey(tag: string, key: string): string {
  if (typeof key !== 'string' || !key.isWellFormed()) {
    throw new EncodeError({ tag, reason: `key ${JSON.stringify(key)} is not a well-formed string; use String.prototype.toWellFormed()` });
  }
  return key;
}

/** UTF-8 byte order of two strings, without encoding them: code point order. */
export function compareKeys(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates stand for code points above U+FFFF, which sort after U+E000..U+FFFF.
    if (x >= 0xd800 && y >= 0xd800) {
      x = x >= 0xe000 ? x - 0x800 : x + 0x2000;
      y = y >= 0xe000 ? y - 0x800 : y + 0x2000;
    }
    return x - y;
  }
  return a.length - b.length;
}
