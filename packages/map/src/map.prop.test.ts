/**
 * Properties of maps: the law kit with the map's semantics as the oracle
 * (1,000 runs per law) for counters, text, sets and nested maps as values;
 * operations against a plain `Map` model; history independence.
 */
import { codecs, counter, defaultMerge, setOf, type Mergeable } from '@grove/merge';
import { mergeLaws, type Expected, type LawOptions, type Versions } from '@grove/merge/laws';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as GMap from './index.js';

const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', '', '.', '..', 'x/y', '.git', 'é', '👋');
const small = fc.bigInt({ min: -20n, max: 20n });
const text = defaultMerge(codecs.string);
const tags = setOf(codecs.string);
const notIdempotent = { 'same-change': 'a counter changed the same way on both sides counts both changes' };

/** Per key: removals win, additions kept, values on both sides merged by `value`'s own semantics. */
function mapSpec<V>(value: Mergeable<V>, values: (v: Versions<V>) => Expected<V>) {
  return ({ base, ours, theirs }: Versions<GMap.GroveMap<V>>): Expected<GMap.GroveMap<V>> => {
    const [b, o, t] = [base === undefined ? new Map<string, V>() : new Map(GMap.entries(base)), new Map(GMap.entries(ours)), new Map(GMap.entries(theirs))];
    const out: [string, V][] = [];
    for (const k of new Set([...o.keys(), ...t.keys()])) {
      const [bv, ov, tv] = [b.get(k), o.get(k), t.get(k)];
      if (ov === undefined || tv === undefined) {
        if (bv === undefined) out.push([k, (ov ?? tv)!]);
        continue;
      }
      const r = bv !== undefined && value.equals(ov, bv) ? { ok: true as const, value: tv } : bv !== undefined && value.equals(tv, bv) ? { ok: true as const, value: ov } : values({ base: bv, ours: ov, theirs: tv });
      if (r === 'any' || !r.ok) return r === 'any' ? 'any' : { ok: false };
      out.push([k, r.value]);
    }
    return { ok: true, value: GMap.of(value, out) };
  };
}

function laws<V>(value: Mergeable<V>, arb: fc.Arbitrary<V>, options: Omit<LawOptions<GMap.GroveMap<V>>, 'edit'>, leafCapacity = 2) {
  const m = GMap.mergeable(value, { leafCapacity });
  const maps = fc.array(fc.tuple(key, arb), { maxLength: 12 }).map((e) => GMap.of(value, e, { leafCapacity }));
  const edit = (b: GMap.GroveMap<V>) =>
    fc.tuple(fc.subarray(GMap.keys(b)), fc.array(fc.tuple(key, arb), { maxLength: 4 })).map(([drop, put]) => {
      let x = b;
      for (const k of drop) x = GMap.delete(x, k);
      for (const [k, v] of put) x = GMap.set(x, k, v);
      return x;
    });
  describe(`${m.tag}, ${leafCapacity} per leaf`, () => {
    for (const law of mergeLaws(m, maps, { ...options, edit })) it(`${law.name}: ${law.description}`, () => law.check());
  });
}

laws(counter, small, { skip: notIdempotent, spec: mapSpec(counter, ({ base, ours, theirs }) => ({ ok: true, value: ours + theirs - (base ?? 0n) })) });
laws(counter, small, { skip: notIdempotent, spec: mapSpec(counter, ({ base, ours, theirs }) => ({ ok: true, value: ours + theirs - (base ?? 0n) })) }, 32);
laws(text, fc.constantFrom('x', 'y', 'z'), { spec: mapSpec(text, ({ ours, theirs }) => (ours === theirs ? { ok: true, value: ours } : { ok: false })) });
laws(tags, fc.array(fc.constantFrom('p', 'q', 'r'), { maxLength: 3 }).map((xs) => new Set(xs) as ReadonlySet<string>), {
  spec: mapSpec(tags, (v) => tags.merge(v)),
});
const inner = GMap.mergeable(counter, { leafCapacity: 2 });
laws(inner, fc.array(fc.tuple(key, small), { maxLength: 4 }).map((e) => GMap.of(counter, e, { leafCapacity: 2 })), { skip: notIdempotent, spec: mapSpec(inner, (v) => inner.merge(v)) });

describe('operations against a model', () => {
  it('get, set, delete, has, size and entries agree with a Map, and equal contents give equal hashes', () => {
    const op = fc.record({ kind: fc.constantFrom('set' as const, 'delete' as const), k: fc.nat(50), v: small });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), fc.integer({ min: 1, max: 5 }), (steps, leafCapacity) => {
        let m = GMap.empty(counter, { leafCapacity });
        const model = new Map<string, bigint>();
        for (const { kind, k, v } of steps) {
          const name = `k${k}`;
          if (kind === 'set') (m = GMap.set(m, name, v)), model.set(name, v);
          else (m = GMap.delete(m, name)), model.delete(name);
          expect(GMap.get(m, name)).toBe(model.get(name));
        }
        expect(GMap.size(m)).toBe(model.size);
        expect(GMap.entries(m)).toEqual([...model].sort(([a], [b]) => (a < b ? -1 : 1)));
        expect(m.tree.hash).toBe(GMap.of(counter, [...model].reverse(), { leafCapacity }).tree.hash);
      }),
      { numRuns: 300 },
    );
  });

  it('diff lists exactly the keys that differ', async () => {
    const entries = fc.array(fc.tuple(fc.nat(40).map((k) => `k${k}`), small), { maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(entries, entries, async (xs, ys) => {
        const [a, b] = [GMap.of(counter, xs, { leafCapacity: 3 }), GMap.of(counter, ys, { leafCapacity: 3 })];
        const [x, y] = [new Map(xs), new Map(ys)];
        const want = [...new Set([...x.keys(), ...y.keys()])].filter((k) => x.get(k) !== y.get(k)).sort();
        expect((await GMap.diff(a, b)).map((c) => c.key)).toEqual(want);
      }),
      { numRuns: 300 },
    );
  });
});
