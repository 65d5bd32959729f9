/** Max and min registers: integers whose concurrent changes keep the larger (or smaller). */
import { codecs, constant, idempotent, registerFamily, type Mergeable } from '@grove/merge';

function extremum(tag: string, pick: (a: bigint, b: bigint) => bigint): Mergeable<bigint> {
  return idempotent({
    tag,
    encode: codecs.bigint.encode,
    decode: codecs.bigint.decode,
    equals: (a, b) => a === b,
    merge: ({ ours, theirs }) => ({ ok: true, value: pick(ours, theirs) }),
  });
}

/**
 * A max register (tag `grove/max@1`): a change on one side wins (so a reset
 * is kept); changes on both sides, or no common ancestor, keep the larger.
 * Written only upwards it is the grow-only max CRDT. Never conflicts. O(1).
 * @example
 * maxRegister.merge({ base: 5n, ours: 7n, theirs: 9n }); // { ok: true, value: 9n }
 */
export const maxRegister: Mergeable<bigint> = extremum('grove/max@1', (a, b) => (a > b ? a : b));

/**
 * A min register (tag `grove/min@1`): a change on one side wins; changes on
 * both sides, or no common ancestor, keep the smaller. Never conflicts. O(1).
 * @example
 * minRegister.merge({ base: 5n, ours: 3n, theirs: 4n }); // { ok: true, value: 3n }
 */
export const minRegister: Mergeable<bigint> = extremum('grove/min@1', (a, b) => (a < b ? a : b));

registerFamily(constant(maxRegister.tag, maxRegister));
registerFamily(constant(minRegister.tag, minRegister));
