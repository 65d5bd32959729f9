/**
 * The sharded tree against plain `Map` models: point operations, merge
 * (per key: additions kept, removals win, changes merged by the schema,
 * here counters), diff, and history independence, at leaf capacities from
 * 1 (every key its own leaf, deep trees) to 6.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ShardedTree } from '../index.js';
import { counterMap } from '../testing/sharded-fixtures.js';

type Model = Map<string, bigint>;
const key = fc.nat(40).map((k) => `k${k}`);
const entries = fc.array(fc.tuple(key, fc.bigInt({ min: 0n, max: 9n })), { maxLength: 60 });
const capacity = fc.integer({ min: 1, max: 6 });
const build = (schema: ReturnType<typeof counterMap>, m: Model) => ShardedTree.from(schema, m);

/** Edits of a model: drop some keys, set others. */
const edit = (base: Model) =>
  fc.tuple(fc.subarray([...base.keys()]), entries).map(([drop, put]) => {
    const m = new Map(base);
    for (const k of drop) m.delete(k);
    for (const [k, v] of put) m.set(k, v);
    return m;
  });

function oracle(base: Model, ours: Model, theirs: Model): Model {
  const out: Model = new Map();
  for (const k of new Set([...ours.keys(), ...theirs.keys()])) {
    const [b, o, t] = [base.get(k), ours.get(k), theirs.get(k)];
    if (o === undefined || t === undefined) {
      if (b === undefined) out.set(k, (o ?? t)!);
    } else out.set(k, o === b ? t : t === b ? o : o + t - (b ?? 0n));
  }
  return out;
}

const sorted = (t: ShardedTree<bigint>) => [...t.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
const sortedModel = (m: Model) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));

describe('ShardedTree', () => {
  it('set, delete, get and size agree with a Map, and the shape depends only on the contents', () => {
    const op = fc.tuple(fc.boolean(), key, fc.bigInt({ min: 0n, max: 9n }));
    fc.assert(
      fc.property(capacity, fc.array(op, { maxLength: 300 }), (cap, ops) => {
        const schema = counterMap(cap);
        let t = ShardedTree.empty(schema);
        const model: Model = new Map();
        for (const [put, k, v] of ops) {
          if (put) (t = t.set(k, v)), model.set(k, v);
          else (t = t.delete(k)), model.delete(k);
          expect(t.get(k)).toBe(model.get(k));
          expect(t.size).toBe(model.size);
        }
        expect(sorted(t)).toEqual(sortedModel(model));
        expect(t.hash).toBe(build(schema, new Map([...model].reverse())).hash);
      }),
      { numRuns: 300 },
    );
  });

  it('merges as the per-key oracle, symmetrically, into the canonical shape', () => {
    const versions = entries.map((e) => new Map(e)).chain((b) => fc.tuple(fc.constant(b), edit(b), edit(b)));
    fc.assert(
      fc.property(capacity, versions, fc.boolean(), (cap, [b, o, t], unrelated) => {
        const schema = counterMap(cap);
        const base = unrelated ? undefined : build(schema, b);
        const r = ShardedTree.merge({ base, ours: build(schema, o), theirs: build(schema, t) });
        const s = ShardedTree.merge({ base, ours: build(schema, t), theirs: build(schema, o) });
        const want = oracle(unrelated ? new Map() : b, o, t);
        expect(r.ok && s.ok).toBe(true);
        if (!r.ok || !s.ok) return;
        expect(sorted(r.value)).toEqual(sortedModel(want));
        expect(r.value.hash).toBe(build(schema, want).hash);
        expect(s.value.hash).toBe(r.value.hash);
      }),
      { numRuns: 500 },
    );
  });

  it('diffs as the models differ', () => {
    fc.assert(
      fc.property(capacity, entries, entries, (cap, xs, ys) => {
        const schema = counterMap(cap);
        const [x, y] = [new Map(xs), new Map(ys)];
        const changes = build(schema, x).diff(build(schema, y));
        const want = [...new Set([...x.keys(), ...y.keys()])].filter((k) => x.get(k) !== y.get(k)).map((k) => ({ key: k, old: x.get(k), new: y.get(k) }));
        expect(changes.map((c) => ({ key: c.key, old: c.old, new: c.new })).sort((a, b) => (a.key < b.key ? -1 : 1))).toEqual(want.sort((a, b) => (a.key < b.key ? -1 : 1)));
      }),
      { numRuns: 300 },
    );
  });
});
