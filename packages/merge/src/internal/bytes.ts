/** Byte helpers without Node's Buffer, so the merge package runs in browsers. */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Strings up to this length take the ASCII fast path: TextEncoder's per-call cost dominates short strings. */
const SHORT = 64;

export function utf8(text: string): Uint8Array {
  if (text.length > SHORT) return encoder.encode(text);
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) return encoder.encode(text);
    out[i] = c;
  }
  return out;
}

/** Decodes UTF-8; returns undefined on malformed input. */
export function fromUtf8(bytes: Uint8Array): string | undefined {
  if (bytes.length <= SHORT && bytes.every((b) => b < 0x80)) return String.fromCharCode.apply(null, bytes as unknown as number[]);
  try {
    return decoder.decode(bytes);
  } catch {
    return undefined;
  }
}

/** Lexicographic byte order: negative, zero or positive. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - b[i]!;
    if (d !== 0) return d;
  }
  return a.length - b.length;
}

export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && compareBytes(a, b) === 0;
}

/** A string key for a byte string, for use in JS Maps. */
export function bytesKey(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 4096) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
  return s;
}
