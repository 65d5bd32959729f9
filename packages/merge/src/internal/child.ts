/** Per-child merging shared by the collection combinators. */
import type { Mergeable, MergeArgs, MergeResult } from '../mergeable.js';
import { bytesEqual } from './bytes.js';

/**
 * Merges one child, taking the law-guaranteed shortcuts first: an unchanged
 * side yields the other. Equal changes on both sides still go to `m.merge`
 * (a counter incremented on both sides adds both increments).
 */
export function mergeChild<T>(m: Mergeable<T>, args: MergeArgs<T>): MergeResult<T> {
  if (args.base !== undefined) {
    if (m.equals(args.ours, args.base)) return { ok: true, value: args.theirs };
    if (m.equals(args.theirs, args.base)) return { ok: true, value: args.ours };
  }
  return m.merge(args);
}

/** Equality of two values by their canonical encodings. */
export function equalsByEncoding<T>(encode: (value: T) => Uint8Array): (a: T, b: T) => boolean {
  return (a, b) => a === b || bytesEqual(encode(a), encode(b));
}
