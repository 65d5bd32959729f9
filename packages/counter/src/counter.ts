/** The counter verbs: a counter is a bigint, merged as ours + theirs - base. */
import { counter, type MergeArgs, type MergeResult, type Mergeable } from '@grove/merge';
import { toBigint } from './integer.js';

/**
 * The counter's `Mergeable` (tag `grove/counter@1`, decimal text). Merge:
 * ours + theirs - base, base 0 when the histories share none, so every
 * replica's increments count once. Never conflicts. O(1).
 * @example
 * mergeable.merge({ base: 10n, ours: 12n, theirs: 15n }); // { ok: true, value: 17n }
 */
export const mergeable: Mergeable<bigint> = counter;

/**
 * The counter at zero. O(1).
 * @example
 * increment(empty(), 3); // 3n
 */
export function empty(): bigint {
  return 0n;
}

/**
 * `value` plus `by` (default 1). A number must be a safe integer, else a
 * `CounterError`; bigints never lose precision. O(1).
 * @example
 * increment(41n); // 42n
 */
export function increment(value: bigint, by: bigint | number = 1n): bigint {
  return value + toBigint(by);
}

/**
 * `value` minus `by` (default 1); see `increment`. O(1).
 * @example
 * decrement(1n, 2); // -1n
 */
export function decrement(value: bigint, by: bigint | number = 1n): bigint {
  return value - toBigint(by);
}

/**
 * Equal counts. O(1).
 * @example
 * equals(1n, 1n); // true
 */
export function equals(a: bigint, b: bigint): boolean {
  return counter.equals(a, b);
}

/**
 * Three-way merge: ours + theirs - base (base undefined counts as 0). Never
 * conflicts; not idempotent on purpose (two +1 give +2). O(1).
 * @example
 * merge({ base: undefined, ours: 2n, theirs: 3n }); // { ok: true, value: 5n }
 */
export function merge(args: MergeArgs<bigint>): MergeResult<bigint> {
  return counter.merge(args);
}

/**
 * Canonical bytes: decimal text, no leading zeros. O(digits).
 * @example
 * new TextDecoder().decode(encode(-12n)); // '-12'
 */
export function encode(value: bigint): Uint8Array {
  return counter.encode(value);
}

/**
 * The counter in `bytes`; a `DecodeError` (code `decode-error`) with the
 * offset on bytes `encode` does not produce. O(digits).
 * @example
 * decode(encode(7n)); // 7n
 */
export function decode(bytes: Uint8Array): bigint {
  return counter.decode(bytes);
}
