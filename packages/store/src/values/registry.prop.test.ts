/** Any type built from the built-in combinators is rebuilt from its tag alone, and merges as the original does. */
import { codecs, counter, defaultMerge, lww, mapOf, multiset, option, record, setOf, type Mergeable, type MergeResult } from '@grove/merge';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TypeRegistry } from '../index.js';

/** A type and values of it. */
interface Sample {
  readonly type: Mergeable<any>;
  readonly values: fc.Arbitrary<unknown>;
}

const small = fc.bigInt({ min: -5n, max: 5n });
const word = fc.constantFrom('a', 'b', 'é', '');
const leaves: Sample[] = [
  { type: counter, values: small },
  { type: defaultMerge(codecs.string), values: word },
  { type: defaultMerge(codecs.bigint), values: small },
  { type: defaultMerge(codecs.json), values: fc.constantFrom(null, 1, 'x', [1], { a: 2 }) },
];
const elements = leaves.slice(1);
const labels = fc.uniqueArray(fc.constantFrom('x', 'y', 'a b', 'c:d'), { minLength: 1, maxLength: 3 });

const { sample } = fc.letrec<{ sample: Sample }>((tie) => ({
  sample: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom(...leaves),
    tie('sample').map((s) => ({ type: option(s.type), values: fc.option(s.values, { nil: undefined }) })),
    tie('sample').map((s) => ({ type: mapOf(s.type), values: fc.array(fc.tuple(word, s.values), { maxLength: 3 }).map((e) => new Map(e)) })),
    fc.constantFrom(...elements).map((e) => ({ type: setOf(e.type), values: fc.array(e.values, { maxLength: 3 }).map((v) => new Set(v)) })),
    fc.constantFrom(...elements).map((e) => ({ type: multiset(e.type), values: fc.array(fc.tuple(e.values, fc.integer({ min: 1, max: 3 })), { maxLength: 3 }).map((v) => new Map(v)) })),
    fc.constantFrom(...elements).map((e) => ({ type: lww(e.type), values: fc.record({ value: e.values, time: fc.nat(3), replica: fc.constantFrom('r1', 'r2') }) })),
    fc.tuple(labels, tie('sample'), tie('sample')).map(([names, s, t]) => {
      const pick = (i: number) => (i % 2 === 0 ? s : t);
      return {
        type: record(Object.fromEntries(names.map((n, i) => [n, pick(i).type]))),
        values: fc.record(Object.fromEntries(names.map((n, i) => [n, pick(i).values]))),
      };
    }),
  ),
}));

/** A merge result as comparable data: the merged bytes, or the conflicts' kinds and paths. */
function outcome(type: Mergeable<any>, r: MergeResult<unknown>) {
  return r.ok ? { ok: Buffer.from(type.encode(r.value)).toString('hex') } : { conflicts: r.conflicts.map((c) => [c.kind, c.path]) };
}

describe('types rebuilt from their tags', () => {
  it('have the same tag and bytes, and merge to the same result on random inputs', () => {
    const registry = new TypeRegistry();
    const withInputs = sample.chain((s) => fc.tuple(fc.constant(s), fc.option(s.values, { nil: undefined }), s.values, s.values));
    fc.assert(
      fc.property(withInputs, ([{ type }, base, ours, theirs]) => {
        const rebuilt = registry.get(type.tag) as Mergeable<any> | undefined;
        expect(rebuilt?.tag).toBe(type.tag);
        const bytes = type.encode(ours);
        expect(Buffer.from(rebuilt!.encode(rebuilt!.decode(bytes))).equals(Buffer.from(bytes))).toBe(true);
        const args = { base, ours, theirs, path: ['p'] };
        expect(outcome(rebuilt!, rebuilt!.merge(args))).toEqual(outcome(type, type.merge(args)));
      }),
      { numRuns: 500 },
    );
  });

  it('encode what decode reads back equal, and refuse anything else with a typed EncodeError before it is stored', () => {
    const junk = fc.oneof(fc.anything(), fc.double(), fc.constantFrom(NaN, 1.5, -0, Infinity, '\ud800', new Date(0), [1n]));
    const withValue = sample.chain((s) => fc.tuple(fc.constant(s.type), fc.oneof(s.values, junk)));
    fc.assert(
      fc.property(withValue, ([type, value]) => {
        let bytes: Uint8Array;
        try {
          bytes = type.encode(value);
        } catch (e) {
          expect(e).toMatchObject({ code: 'encode-error' });
          return;
        }
        const back = type.decode(bytes);
        expect(type.equals(back, value)).toBe(true);
        expect(Buffer.from(type.encode(back)).equals(Buffer.from(bytes))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('explain what they do not know', () => {
    const registry = new TypeRegistry();
    expect(registry.get('grove/map@1(app/score@1)')).toBeUndefined();
    expect(registry.explain('grove/map@1(app/score@1)')).toBe('no type is registered for app/score@1');
    expect(registry.explain('grove/option@1(string,json)')).toContain('grove/option@1 takes 1 type parameter, not 2');
    expect(registry.explain('grove/map@1(')).toContain('expected a type name');
  });

  it('use a registered type inside built-in families', () => {
    const score = defaultMerge(codecs.string, { tag: 'app/score@1' });
    const registry = new TypeRegistry([score]);
    expect(registry.get('grove/map@1(app/score@1)')?.tag).toBe('grove/map@1(app/score@1)');
    expect(() => new TypeRegistry([defaultMerge(codecs.string, { tag: 'not a tag' })])).toThrow(expect.objectContaining({ code: 'invalid-tag' }));
  });
});
