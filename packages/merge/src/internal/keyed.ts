/** Elements keyed by their canonical encoding, for sets and multisets of any value. */
import { DecodeError } from '../errors.js';
import type { Codec } from '../mergeable.js';
import { bytesKey, compareBytes } from './bytes.js';

export interface Keyed<T, X> {
  readonly bytes: Uint8Array;
  readonly value: T;
  readonly extra: X;
}

/** Indexes entries by the encoding of their element. */
export function keyBy<T, X>(codec: Codec<T>, entries: Iterable<readonly [T, X]>): Map<string, Keyed<T, X>> {
  const out = new Map<string, Keyed<T, X>>();
  for (const [value, extra] of entries) {
    const bytes = codec.encode(value);
    out.set(bytesKey(bytes), { bytes, value, extra });
  }
  return out;
}

/** The entries in canonical (byte) order of their encodings. */
export function sortedEntries<T, X>(index: Map<string, Keyed<T, X>>): Keyed<T, X>[] {
  return [...index.values()].sort((a, b) => compareBytes(a.bytes, b.bytes));
}

/** Throws unless encodings are strictly increasing, the canonical order. */
export function checkIncreasing(tag: string, previous: Uint8Array | undefined, next: Uint8Array): void {
  if (previous !== undefined && compareBytes(previous, next) >= 0) {
    throw new DecodeError({ tag, offset: 0, reason: 'elements are not in strictly increasing order (not canonical)' });
  }
}
