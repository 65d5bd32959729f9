/** `counter`: Irmin's mergeable counter. */
import { bigint } from '../codec.js';
import type { Mergeable } from '../mergeable.js';

/**
 * An integer counter. Merge: ours + theirs - base (base 0 without a common
 * ancestor), so concurrent increments all count. Never conflicts. Not
 * idempotent on purpose: both sides adding 1 gives base + 2. O(1).
 * @example
 * counter.merge({ base: 10n, ours: 12n, theirs: 15n }); // { ok: true, value: 17n }
 */
export const counter: Mergeable<bigint> = {
  tag: 'grove/counter@1',
  encode: bigint.encode,
  decode: bigint.decode,
  equals: (a, b) => a === b,
  merge: ({ base, ours, theirs }) => ({ ok: true, value: ours + theirs - (base ?? 0n) }),
};
