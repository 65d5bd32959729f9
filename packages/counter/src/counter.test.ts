/** Counter verbs, registers and typed errors, by example. */
import { isGroveError } from '@grove/merge';
import { describe, expect, it } from 'vitest';
import * as Counter from './index.js';

describe('@grove/counter', () => {
  it('counts with bigints, past 2^53 without losing precision', () => {
    const big = Counter.increment(BigInt(Number.MAX_SAFE_INTEGER), 2);
    expect(big).toBe(9007199254740993n);
    expect(Counter.decode(Counter.encode(big))).toBe(big);
    expect(Counter.decrement(Counter.empty())).toBe(-1n);
  });

  it('refuses numbers that are not safe integers with a typed error', () => {
    for (const bad of [0.5, Number.NaN, Infinity, 2 ** 53]) {
      const e = (() => {
        try {
          Counter.increment(0n, bad);
        } catch (err) {
          return err;
        }
      })();
      expect(isGroveError(e) && e.code).toBe('unsafe-integer');
    }
  });

  it('merges as ours + theirs - base, with no common ancestor as 0', () => {
    expect(Counter.merge({ base: 10n, ours: 12n, theirs: 15n })).toEqual({ ok: true, value: 17n });
    expect(Counter.merge({ base: undefined, ours: 2n, theirs: 3n })).toEqual({ ok: true, value: 5n });
    expect(Counter.merge({ base: 1n, ours: 2n, theirs: 2n })).toEqual({ ok: true, value: 3n });
  });

  it('rejects non-canonical bytes with the offset', () => {
    for (const bad of ['007', '-0', '1.5', '']) {
      expect(() => Counter.decode(new TextEncoder().encode(bad))).toThrow(expect.objectContaining({ code: 'decode-error', data: expect.objectContaining({ offset: 0 }) }));
    }
  });

  it('keeps one-sided changes in registers and the extremum of concurrent ones', () => {
    expect(Counter.maxRegister.merge({ base: 5n, ours: 2n, theirs: 5n })).toEqual({ ok: true, value: 2n });
    expect(Counter.maxRegister.merge({ base: 5n, ours: 7n, theirs: 9n })).toEqual({ ok: true, value: 9n });
    expect(Counter.minRegister.merge({ base: undefined, ours: 7n, theirs: 9n })).toEqual({ ok: true, value: 7n });
  });
});
