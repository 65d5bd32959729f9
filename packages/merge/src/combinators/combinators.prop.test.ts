/** Every combinator runs the law kit, 1,000 runs per law, with its own semantics as the oracle. */
import * as fc from 'fast-check';
import { describe, it } from 'vitest';
import { codecs, counter, defaultMerge, idempotent, lww, mapOf, multiset, option, record, setOf, via, withPath } from '../index.js';
import type { Mergeable } from '../index.js';
import { mergeLaws, type Expected, type LawOptions, type Versions } from '../laws/index.js';

function laws<T>(m: Mergeable<T>, arb: fc.Arbitrary<T>, options: LawOptions<T> = {}) {
  describe(m.tag, () => {
    for (const law of mergeLaws(m, arb, options)) it(`${law.name}: ${law.description}`, () => law.check());
  });
}

const notIdempotent = { 'same-change': 'both sides adding counts both additions' };
const key = fc.constantFrom('a', 'b', 'c', 'd', 'e', '', 'é/ü', '👋');
const small = fc.bigInt({ min: -50n, max: 50n });
const text = fc.string({ unit: 'grapheme', maxLength: 6 });

/** Git's rule, stated directly: one-sided changes win, equal changes agree, otherwise conflict. */
function gitRule<T>(eq: (a: T, b: T) => boolean, { base, ours, theirs }: Versions<T>): Expected<T> {
  if (eq(ours, theirs)) return { ok: true, value: ours };
  if (base !== undefined && eq(base, ours)) return { ok: true, value: theirs };
  if (base !== undefined && eq(base, theirs)) return { ok: true, value: ours };
  return { ok: false };
}

const str = defaultMerge(codecs.string);
laws(str, text, { spec: (v) => gitRule(str.equals, v) });

const big = defaultMerge(codecs.bigint, { tag: 'bigint-default' });
laws(big, small, { spec: (v) => gitRule(big.equals, v) });

laws(defaultMerge(codecs.json), fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v))), {});

const idemCounter = idempotent(counter);
laws(idemCounter, small, {
  spec: ({ base, ours, theirs }) => ({ ok: true, value: ours === theirs ? ours : ours + theirs - (base ?? 0n) }),
});

laws(counter, small, { skip: notIdempotent, spec: ({ base, ours, theirs }) => ({ ok: true, value: ours + theirs - (base ?? 0n) }) });

const maybe = option(str);
const maybeText = fc.option(text, { nil: undefined });
const optionSpec = ({ base, ours, theirs }: Versions<string | undefined>): Expected<string | undefined> => {
  if (base === ours) return { ok: true, value: theirs };
  if (base === theirs || ours === theirs) return { ok: true, value: ours };
  return { ok: false };
};
laws(maybe, maybeText, { spec: optionSpec });

const profile = record({ name: str, visits: counter });
laws(profile, fc.record({ name: text, visits: small }), {
  skip: notIdempotent,
  spec({ base, ours, theirs }) {
    const name = gitRule(str.equals, { base: base?.name, ours: ours.name, theirs: theirs.name });
    if (name === 'any' || !name.ok) return { ok: false };
    return { ok: true, value: { name: name.value, visits: ours.visits + theirs.visits - (base?.visits ?? 0n) } };
  },
});

/** Edits of a map: drop some keys, change or add others. */
function mapEdit<V>(value: fc.Arbitrary<V>) {
  return (b: ReadonlyMap<string, V>) =>
    fc.tuple(fc.subarray([...b.keys()]), fc.array(fc.tuple(key, value), { maxLength: 3 })).map(([drop, put]) => {
      const m = new Map(b);
      for (const k of drop) m.delete(k);
      for (const [k, v] of put) m.set(k, v);
      return m as ReadonlyMap<string, V>;
    });
}

/** Map semantics stated per key: removals win, additions kept, both present merged by `value` (values may be undefined). */
function mapSpec<V>(value: (v: Versions<V>) => Expected<V>) {
  return ({ base, ours, theirs }: Versions<ReadonlyMap<string, V>>): Expected<ReadonlyMap<string, V>> => {
    const out = new Map<string, V>();
    for (const k of new Set([...ours.keys(), ...theirs.keys()])) {
      if (ours.has(k) && theirs.has(k)) {
        const r = value({ base: base?.get(k), ours: ours.get(k)!, theirs: theirs.get(k)! });
        if (r === 'any' || !r.ok) return r === 'any' ? 'any' : { ok: false };
        out.set(k, r.value);
      } else if (!base?.has(k)) out.set(k, ours.has(k) ? ours.get(k)! : theirs.get(k)!);
    }
    return { ok: true, value: out };
  };
}

const counters = fc.array(fc.tuple(key, small), { maxLength: 5 }).map((e) => new Map(e) as ReadonlyMap<string, bigint>);
laws(mapOf(counter), counters, {
  skip: notIdempotent,
  edit: mapEdit(small),
  spec: mapSpec(({ base, ours, theirs }) => ({ ok: true, value: ours + theirs - (base ?? 0n) })),
});

const texts = fc.array(fc.tuple(key, text), { maxLength: 5 }).map((e) => new Map(e) as ReadonlyMap<string, string>);
laws(mapOf(str), texts, { edit: mapEdit(text), spec: mapSpec((v) => gitRule(str.equals, v)) });

// A stored undefined is a value like any other: `equals(m, m)` holds and every law runs.
const maybeTexts = fc.array(fc.tuple(key, maybeText), { maxLength: 5 }).map((e) => new Map(e) as ReadonlyMap<string, string | undefined>);
laws(mapOf(maybe), maybeTexts, { edit: mapEdit(maybeText), spec: mapSpec(optionSpec) });

const nested = fc.array(fc.tuple(key, counters), { maxLength: 3 }).map((e) => new Map(e) as ReadonlyMap<string, ReadonlyMap<string, bigint>>);
laws(mapOf(mapOf(counter)), nested, { skip: notIdempotent, edit: mapEdit(counters) });

const element = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
const sets = fc.uniqueArray(element).map((a) => new Set(a) as ReadonlySet<string>);
laws(setOf(codecs.string), sets, {
  edit: (b) => fc.tuple(fc.subarray([...b]), fc.uniqueArray(element)).map(([drop, add]) => new Set([...[...b].filter((x) => !drop.includes(x)), ...add])),
  spec: ({ base, ours, theirs }) => {
    const out = new Set<string>();
    for (const x of [...ours, ...theirs]) {
      const inBase = base?.has(x) ?? false;
      if ((ours.has(x) && theirs.has(x)) || !inBase) out.add(x);
    }
    return { ok: true, value: out };
  },
});

const bags = fc.array(fc.tuple(element, fc.integer({ min: 1, max: 4 })), { maxLength: 5 }).map((e) => new Map(e) as ReadonlyMap<string, number>);
laws(multiset(codecs.string), bags, {
  skip: notIdempotent,
  spec: ({ base, ours, theirs }) => {
    const out = new Map<string, number>();
    for (const x of new Set([...ours.keys(), ...theirs.keys()])) {
      const n = (ours.get(x) ?? 0) + (theirs.get(x) ?? 0) - (base?.get(x) ?? 0);
      if (n > 0) out.set(x, n);
    }
    return { ok: true, value: out };
  },
});

const title = lww(codecs.string);
const stamped = fc.record({ value: text, time: fc.integer({ min: 0, max: 3 }), replica: fc.constantFrom('r1', 'r2') });
laws(title, stamped, {
  spec: (v) => {
    const rule = gitRule(title.equals, v);
    if (rule !== 'any' && rule.ok) return rule;
    const { ours: o, theirs: t } = v;
    const oursLater = o.time !== t.time ? o.time > t.time : o.replica !== t.replica ? o.replica > t.replica : Buffer.compare(Buffer.from(o.value), Buffer.from(t.value)) > 0;
    return { ok: true, value: oursLater ? o : t };
  },
});

const score = via({ to: (n: number) => BigInt(n), from: (b: bigint) => Number(b) }, counter, 'score@1');
laws(score, fc.integer({ min: -100, max: 100 }), { skip: notIdempotent, spec: ({ base, ours, theirs }) => ({ ok: true, value: ours + theirs - (base ?? 0) }) });

laws(withPath(str, ['docs', 'title']), text, { spec: (v) => gitRule(str.equals, v) });
