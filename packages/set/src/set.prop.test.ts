/**
 * Properties of sets: the law kit with the set's own semantics as the
 * oracle (1,000 runs per law), operations against a plain `Set` model,
 * and history independence (the same contents give the same hash however
 * they were reached).
 */
import { codecs, type Codec, type Json } from '@grove/merge';
import { mergeLaws, type Versions } from '@grove/merge/laws';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as GSet from './index.js';

/** The semantics, on plain sets keyed by encoding: base minus removals plus additions. */
function spec<T>(codec: Codec<T>, { base, ours, theirs }: Versions<GSet.GroveSet<T>>) {
  const keyed = (s: GSet.GroveSet<T> | undefined) => new Map([...(s === undefined ? [] : GSet.values(s))].map((v) => [Buffer.from(codec.encode(v)).toString('hex'), v]));
  const [b, o, t] = [keyed(base), keyed(ours), keyed(theirs)];
  const out = [...o, ...t].filter(([k]) => !b.has(k) || (o.has(k) && t.has(k))).map(([, v]) => v);
  return { ok: true as const, value: GSet.of(codec, out) };
}

function laws<T>(name: string, codec: Codec<T>, element: fc.Arbitrary<T>, leafCapacity?: number) {
  const options = leafCapacity === undefined ? {} : { leafCapacity };
  const m = GSet.mergeable(codec, options);
  const sets = fc.array(element, { maxLength: 24 }).map((xs) => GSet.of(codec, xs, options));
  const edit = (b: GSet.GroveSet<T>) =>
    fc.tuple(fc.subarray([...GSet.values(b)]), fc.array(element, { maxLength: 6 })).map(([drop, put]) => {
      let s = b;
      for (const x of drop) s = GSet.delete(s, x);
      for (const x of put) s = GSet.add(s, x);
      return s;
    });
  describe(`${name} (${m.tag})`, () => {
    for (const law of mergeLaws(m, sets, { edit, spec: (v) => spec(codec, v) })) it(`${law.name}: ${law.description}`, () => law.check());
  });
}

const word = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', '', 'é', '👋', 'x/y', '..');
laws('strings, 2 per leaf (deep shards)', codecs.string, word, 2);
laws('strings, default capacity', codecs.string, fc.string({ maxLength: 3 }));
laws('records, 3 per leaf', codecs.json, fc.record({ id: fc.nat(20), kind: fc.constantFrom('x', 'y') }).map((r): Json => ({ ...r })), 3);

type Op = { kind: 'add' | 'delete'; x: number };
const ops = fc.array(fc.record({ kind: fc.constantFrom('add' as const, 'delete' as const), x: fc.nat(60) }), { maxLength: 200 });

describe('operations against a model', () => {
  it('add, delete, has, size and values agree with a Set, and the result depends only on the contents', () => {
    fc.assert(
      fc.property(ops, fc.integer({ min: 1, max: 5 }), (steps: Op[], capacity) => {
        let s = GSet.empty(codecs.string, { leafCapacity: capacity });
        const model = new Set<string>();
        for (const { kind, x } of steps) {
          const e = `e${x}`;
          if (kind === 'add') (s = GSet.add(s, e)), model.add(e);
          else (s = GSet.delete(s, e)), model.delete(e);
          expect(GSet.has(s, e)).toBe(model.has(e));
        }
        expect(GSet.size(s)).toBe(model.size);
        expect([...GSet.values(s)].sort()).toEqual([...model].sort());
        const rebuilt = GSet.of(codecs.string, [...model].reverse(), { leafCapacity: capacity });
        expect(s.tree.hash).toBe(rebuilt.tree.hash);
        expect(GSet.equals(s, rebuilt)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('union, intersection and difference agree with set algebra', () => {
    const set = fc.array(fc.nat(40), { maxLength: 40 }).map((xs) => xs.map((x) => `e${x}`));
    fc.assert(
      fc.property(set, set, (xs, ys) => {
        const [a, b] = [GSet.of(codecs.string, xs, { leafCapacity: 3 }), GSet.of(codecs.string, ys, { leafCapacity: 3 })];
        const [x, y] = [new Set(xs), new Set(ys)];
        const same = (s: GSet.GroveSet<string>, want: string[]) => expect(GSet.equals(s, GSet.of(codecs.string, want, { leafCapacity: 3 }))).toBe(true);
        same(GSet.union(a, b), [...x, ...y]);
        same(GSet.intersection(a, b), [...x].filter((e) => y.has(e)));
        same(GSet.difference(a, b), [...x].filter((e) => !y.has(e)));
      }),
      { numRuns: 300 },
    );
  });
});
