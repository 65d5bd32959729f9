/** Deltas we write are applied by the store's reader (and so by Git's rules) back to the target. */
import { applyDelta } from '@grove/store';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeDelta } from './delta-encode.js';

describe('encodeDelta', () => {
  it('round-trips through applyDelta whenever it returns a delta, which is then less than half the target', () => {
    // size 'max': fast-check's default size caps arrays at 10 bytes, where no delta is ever small enough to return.
    const edit = fc.tuple(fc.uint8Array({ minLength: 0, maxLength: 70_000, size: 'max' }), fc.nat(), fc.nat(), fc.uint8Array({ maxLength: 300, size: 'max' }));
    let deltas = 0;
    fc.assert(
      fc.property(edit, ([base, at, cut, insert]) => {
        const i = base.length === 0 ? 0 : at % base.length;
        const target = Buffer.concat([base.subarray(0, i), insert, base.subarray(Math.min(base.length, i + (cut % 50)))]);
        const delta = encodeDelta(base, target);
        if (delta === undefined) return;
        deltas++;
        expect(delta.length).toBeLessThan(target.length / 2);
        const result = applyDelta(Buffer.from(base), delta);
        // Buffer.equals, not toEqual: a deep comparison of 70 KB buffers 200 times takes half a minute.
        expect(Buffer.isBuffer(result) && result.equals(target), typeof result === 'string' ? result : 'the applied delta differs from the target').toBe(true);
      }),
      // No shrinking: shrinking a 70 KB array one step at a time would run for many minutes.
      { numRuns: 200, endOnFailure: true },
    );
    expect(deltas).toBeGreaterThan(0); // the assertions above ran
  });

  it('encodes a one-entry change in a big tree in a few bytes', () => {
    const base = Buffer.alloc(100_000, 7);
    const target = Buffer.from(base);
    target[50_000] = 8;
    const delta = encodeDelta(base, target)!;
    expect(delta.length).toBeLessThan(40);
    expect(applyDelta(base, delta)).toEqual(target);
  });
});
