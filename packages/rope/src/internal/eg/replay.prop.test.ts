/**
 * Properties: linear histories equal sequential editing; random replicas
 * (3-5) editing with astral characters and merging at random, criss-cross
 * included, converge: every topological order of an event set replays to
 * the same text, no deleted character survives, every other character
 * does, and a replica's new edit lands on its text exactly as typed.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Replicas, applyOps, idOracle, randomTopoOrder, seeded, textInOrder, visibleKeys } from './replica-model.js';
import { applyEdits, plainEvents, replay, transform, type TextOp as Op } from './index.js';

const SEED = 20261204;

const unit = fc.constantFrom('a', 'b', 'c', ' ', '\n', 'é', '中', '😀', '𝄞');

/** An op's shape, made concrete against a text length by `opsFor`. */
interface RawOp {
  readonly insert: boolean;
  readonly at: number;
  readonly count: number;
  readonly text: string;
}

const rawOp: fc.Arbitrary<RawOp> = fc.record({
  insert: fc.boolean(),
  at: fc.nat(),
  count: fc.nat({ max: 2 }),
  text: fc.array(unit, { minLength: 1, maxLength: 4 }).map((u) => u.join('')),
});
const rawOps = fc.array(rawOp, { minLength: 1, maxLength: 3 });

/** Valid ops for a text of `length` code points, applied in sequence. */
function opsFor(length: number, raw: readonly RawOp[]): Op[] {
  const ops: Op[] = [];
  let n = length;
  for (const r of raw) {
    if (r.insert || n === 0) {
      ops.push({ kind: 'insert', pos: r.at % (n + 1), text: r.text });
      n += Array.from(r.text).length;
    } else {
      const pos = r.at % n;
      const count = 1 + (r.count % Math.min(3, n - pos));
      ops.push({ kind: 'delete', pos, count });
      n -= count;
    }
  }
  return ops;
}

const baseArb = fc.array(unit, { maxLength: 6 }).map((u) => u.join(''));

/** Half edits, half merges: about 4 runs in 10 hold concurrent merge events (criss-cross). */
const action = fc.oneof(
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('edit' as const), r: fc.nat(), ops: rawOps }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('merge' as const), r: fc.nat(), s: fc.nat() }) },
);

describe('replay properties', () => {
  it('replays a linear history as plain sequential editing', () => {
    fc.assert(
      fc.property(baseArb, fc.array(rawOps, { maxLength: 12 }), (base, steps) => {
        const reps = new Replicas(base, 1);
        let expected = base;
        for (const raw of steps) {
          const ops = opsFor(Array.from(expected).length, raw);
          reps.edit(0, ops);
          expected = applyOps(expected, ops);
        }
        expect(reps.text(0)).toBe(expected);
      }),
      { numRuns: 300, seed: SEED },
    );
  });

  it('converges: any replay order, no resurrection, edits land as typed', () => {
    fc.assert(
      fc.property(
        baseArb,
        fc.integer({ min: 3, max: 5 }),
        fc.array(action, { minLength: 8, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 }),
        fc.integer(),
        (base, count, actions, pairs, orderSeed) => {
          const reps = new Replicas(base, count);
          for (const a of actions) {
            const r = a.r % count;
            if (a.kind === 'merge') {
              reps.merge(r, a.s % count);
              continue;
            }
            const before = reps.text(r);
            const ops = opsFor(Array.from(before).length, a.ops);
            reps.edit(r, ops);
            expect(reps.text(r)).toBe(applyOps(before, ops));
          }
          const random = seeded(orderSeed);
          const sets = [
            [...reps.events.values()],
            ...pairs.map(([r, s]) => {
              const ids = new Set([...reps.versions[r % count]!, ...reps.versions[s % count]!]);
              return [...ids].map((id) => reps.events.get(id)!);
            }),
          ];
          for (const events of sets) {
            const expected = replay(base, events);
            const [r] = pairs[0]!;
            const knownEvents = events.filter((e) => reps.versions[r % count]!.has(e.id));
            const { events: plain, content } = plainEvents(base, events);
            const known = new Set(knownEvents.map((e) => e.id));
            const edits = transform(Array.from(base).length, plain, known);
            expect(applyEdits(replay(base, knownEvents), edits, content)).toBe(expected);
            for (let k = 0; k < 4; k++) expect(textInOrder(base, randomTopoOrder(events, random))).toBe(expected);
          }
          const all = sets[0]!;
          const { inserted, deleted } = idOracle(base, all);
          const visible = visibleKeys(base, randomTopoOrder(all, random));
          for (const k of visible) expect(deleted.has(k)).toBe(false);
          expect(new Set(visible)).toEqual(new Set([...inserted].filter((k) => !deleted.has(k))));
          expect(visible.length).toBe(new Set(visible).size);
        },
      ),
      { numRuns: 1000, seed: SEED },
    );
  });

  it('keeps two words typed concurrently at one place whole', () => {
    const word = fc.array(unit, { minLength: 1, maxLength: 6 }).map((u) => u.join(''));
    fc.assert(
      fc.property(baseArb, fc.nat(), word, word, (base, at, w0, w1) => {
        const pos = at % (Array.from(base).length + 1);
        const reps = new Replicas(base, 2);
        for (const [r, w] of [
          [0, w0],
          [1, w1],
        ] as const) {
          Array.from(w).forEach((char, i) => reps.edit(r, [{ kind: 'insert', pos: pos + i, text: char }]));
        }
        reps.merge(0, 1);
        const cps = Array.from(base);
        const around = (mid: string) => cps.slice(0, pos).join('') + mid + cps.slice(pos).join('');
        expect([around(w0 + w1), around(w1 + w0)]).toContain(reps.text(0));
      }),
      { numRuns: 300, seed: SEED },
    );
  });
});
