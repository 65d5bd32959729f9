/**
 * The merge law kit: fast-check properties every `Mergeable` must satisfy,
 * for Grove's own types and for users composing their own.
 */
import * as fc from 'fast-check';
import { bytesEqual } from '../internal/bytes.js';
import type { Mergeable, MergeResult } from '../mergeable.js';

/** The laws, by name. */
export type LawName =
  | 'codec-roundtrip'
  | 'codec-canonical'
  | 'identity'
  | 'ours-only'
  | 'theirs-only'
  | 'same-change'
  | 'symmetry'
  | 'spec';

/** What the oracle expects: a value, a conflict, or no opinion. */
export type Expected<T> = { readonly ok: true; readonly value: T } | { readonly ok: false } | 'any';

/** Three versions handed to a law or an oracle; `base` may be `undefined` (no common ancestor). */
export interface Versions<T> {
  readonly base: T | undefined;
  readonly ours: T;
  readonly theirs: T;
}

export interface LawOptions<T> {
  /** Runs per law (default 1,000). */
  readonly numRuns?: number;
  /** Replays a failure: pass the `only`, `seed` and `path` a failure printed. */
  readonly only?: LawName;
  readonly seed?: number;
  readonly path?: string;
  /** Derives a version from a base (default: the base itself, or a fresh value). */
  readonly edit?: (base: T) => fc.Arbitrary<T>;
  /** The type's own semantics, checked on every generated triple. */
  readonly spec?: (versions: Versions<T>) => Expected<T>;
  /** Equality up to the documented tie-break, for `symmetry` (default `equals`). */
  readonly equivalent?: (a: T, b: T) => boolean;
  /** Laws this type breaks on purpose, each with the reason (a counter is not idempotent). */
  readonly skip?: Partial<Record<LawName, string>>;
}

/** One law as a runnable check: register each with your test runner. */
export interface Law {
  readonly name: LawName;
  readonly description: string;
  /** Throws an error naming the law, the counterexample, and the seed and path to replay it. */
  check(): void;
}

const show = (v: unknown) => fc.stringify(v);

function expectValue<T>(m: Mergeable<T>, r: MergeResult<T>, want: T, what: string): void {
  if (!r.ok) throw new Error(`${what}: expected ${show(want)}, got conflicts ${show(r.conflicts)}`);
  if (!m.equals(r.value, want)) throw new Error(`${what}: expected ${show(want)}, got ${show(r.value)}`);
}

/** Builds the laws of `m` over values drawn from `arb`. */
export function mergeLaws<T>(m: Mergeable<T>, arb: fc.Arbitrary<T>, options: LawOptions<T> = {}): Law[] {
  const edit = options.edit ?? ((b: T) => fc.oneof(fc.constant(b), arb));
  const equivalent = options.equivalent ?? m.equals;
  const related = arb.chain((b) => fc.tuple(fc.constant(b), edit(b), edit(b)));
  const triples: fc.Arbitrary<Versions<T>> = fc.oneof(
    { weight: 4, arbitrary: related.map(([base, ours, theirs]) => ({ base, ours, theirs })) },
    { weight: 1, arbitrary: fc.tuple(arb, arb).map(([ours, theirs]) => ({ base: undefined, ours, theirs })) },
  );
  const merge = (v: Versions<T>) => m.merge({ ...v, path: [] });

  const laws: [LawName, string, fc.IPropertyWithHooks<any>][] = [
    ['codec-roundtrip', 'decode(encode(v)) equals v', fc.property(arb, (v) => {
      const back = m.decode(m.encode(v));
      if (!m.equals(back, v)) throw new Error(`decoded ${show(back)} differs from ${show(v)}`);
    })],
    ['codec-canonical', 'equal values give equal bytes; encode(decode(bytes)) = bytes', fc.property(related, ([a, b]) => {
      const bytes = m.encode(a);
      if (!bytesEqual(m.encode(m.decode(bytes)), bytes)) throw new Error('re-encoding decoded bytes changed them');
      if (m.equals(a, b) !== bytesEqual(bytes, m.encode(b))) throw new Error(`equals and encodings disagree on ${show(a)} and ${show(b)}`);
    })],
    ['identity', 'merge(b, b, b) = b', fc.property(arb, (b) => expectValue(m, m.merge({ base: b, ours: b, theirs: b, path: [] }), b, 'merge(b,b,b)'))],
    ['ours-only', 'merge(b, x, b) = x', fc.property(related, ([b, x]) => expectValue(m, m.merge({ base: b, ours: x, theirs: b, path: [] }), x, 'merge(b,x,b)'))],
    ['theirs-only', 'merge(b, b, y) = y', fc.property(related, ([b, , y]) => expectValue(m, m.merge({ base: b, ours: b, theirs: y, path: [] }), y, 'merge(b,b,y)'))],
    ['same-change', 'merge(b, x, x) = x', fc.property(related, ([b, x]) => expectValue(m, m.merge({ base: b, ours: x, theirs: x, path: [] }), x, 'merge(b,x,x)'))],
    ['symmetry', 'merge(b, x, y) and merge(b, y, x) agree, up to the tie-break', fc.property(triples, (v) => {
      const xy = merge(v);
      const yx = merge({ base: v.base, ours: v.theirs, theirs: v.ours });
      if (xy.ok !== yx.ok) throw new Error(`one order merged, the other conflicted: ${show(xy)} vs ${show(yx)}`);
      if (xy.ok && yx.ok && !equivalent(xy.value, yx.value)) throw new Error(`${show(xy.value)} vs ${show(yx.value)}`);
    })],
  ];
  const spec = options.spec;
  if (spec !== undefined) {
    laws.push(['spec', "the result matches the type's stated semantics", fc.property(triples, (v) => {
      const want = spec(v);
      if (want === 'any') return;
      const got = merge(v);
      if (!want.ok) {
        if (got.ok) throw new Error(`expected a conflict, got ${show(got.value)}`);
        return;
      }
      expectValue(m, got, want.value, 'spec');
    })]);
  }
  const params = { numRuns: options.numRuns ?? 1000, ...(options.seed === undefined ? {} : { seed: options.seed }), ...(options.path === undefined ? {} : { path: options.path }) };
  return laws
    .filter(([name]) => options.skip?.[name] === undefined && (options.only === undefined || options.only === name))
    .map(([name, description, property]) => ({
      name,
      description,
      check() {
        try {
          fc.assert(property, params);
        } catch (e) {
          const replay = /seed: (-?\d+), path: "([\d:]*)"/.exec((e as Error).message);
          const hint = replay === null ? '' : `\nreplay with options { only: '${name}', seed: ${replay[1]}, path: '${replay[2]}' }`;
          throw new Error(`merge law "${name}" (${description}) fails for ${m.tag}${hint}\n${(e as Error).message}`, { cause: e });
        }
      },
    }));
}

/**
 * Checks every law of `m`; throws on the first failure with the
 * counterexample and the seed and path that replay it.
 * @example
 * it('my type merges lawfully', () => checkMergeLaws(myType, myArbitrary, { spec }));
 */
export function checkMergeLaws<T>(m: Mergeable<T>, arb: fc.Arbitrary<T>, options: LawOptions<T> = {}): void {
  for (const law of mergeLaws(m, arb, options)) law.check();
}
