/** The kit must fail wrong merges: a kit that cannot fail is worthless. */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codecs, counter, defaultMerge, type Mergeable } from '../index.js';
import { checkMergeLaws, mergeLaws } from './index.js';

const text = fc.string({ maxLength: 4 });
const str = defaultMerge(codecs.string);

function failure(run: () => void): string {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the law kit accepted a wrong merge');
}

describe('checkMergeLaws', () => {
  it('passes a lawful type', () => {
    expect(() => checkMergeLaws(str, text, { numRuns: 200 })).not.toThrow();
  });

  it('catches a merge that ignores base, and prints the seed and path to replay it', () => {
    const oursWins: Mergeable<string> = { ...str, merge: ({ ours }) => ({ ok: true, value: ours }) };
    const message = failure(() => checkMergeLaws(oursWins, text));
    expect(message).toContain('merge law "theirs-only"');
    expect(message).toMatch(/seed: -?\d+, path: "[\d:]+"/);
  });

  it('replays a failure from its seed and path', () => {
    const oursWins: Mergeable<string> = { ...str, merge: ({ ours }) => ({ ok: true, value: ours }) };
    const first = failure(() => checkMergeLaws(oursWins, text));
    const [, only, seed, path] = /only: '([a-z-]+)', seed: (-?\d+), path: '([\d:]+)'/.exec(first)!;
    const again = failure(() => checkMergeLaws(oursWins, text, { only: only as 'theirs-only', seed: Number(seed), path: path! }));
    const counterexample = (message: string) => /Counterexample: (.*)/.exec(message)?.[1];
    expect(counterexample(first)).toMatch(/^\[/);
    expect(counterexample(again)).toEqual(counterexample(first));
  });

  it('catches an asymmetric tie-break', () => {
    const leftBiased: Mergeable<string> = {
      ...str,
      merge: (a) => (str.merge(a).ok ? str.merge(a) : { ok: true, value: a.ours }),
    };
    expect(failure(() => checkMergeLaws(leftBiased, text))).toContain('merge law "symmetry"');
  });

  it('catches a merge that breaks its own stated semantics', () => {
    const maxCounter: Mergeable<bigint> = { ...counter, merge: ({ ours, theirs }) => ({ ok: true, value: ours > theirs ? ours : theirs }) };
    const spec = ({ base, ours, theirs }: { base: bigint | undefined; ours: bigint; theirs: bigint }) =>
      ({ ok: true, value: ours + theirs - (base ?? 0n) }) as const;
    const message = failure(() => checkMergeLaws(maxCounter, fc.bigInt({ min: -9n, max: 9n }), { spec, only: 'spec' }));
    expect(message).toContain('merge law "spec"');
  });

  it('catches a codec that is not canonical', () => {
    const loose: Mergeable<Record<string, number>> = {
      ...defaultMerge(codecs.json as never),
      encode: (v) => new TextEncoder().encode(JSON.stringify(v)),
      decode: (b) => JSON.parse(new TextDecoder().decode(b)),
      equals: (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort()),
    };
    const objects = fc.dictionary(fc.constantFrom('a', 'b', 'c'), fc.integer({ min: 0, max: 2 }));
    const shuffled = (o: Record<string, number>) => fc.constant(Object.fromEntries(Object.entries(o).reverse()));
    expect(failure(() => checkMergeLaws(loose, objects, { edit: shuffled }))).toContain('merge law "codec-canonical"');
  });

  it('lists each law once, without the skipped ones', () => {
    const names = mergeLaws(counter, fc.bigInt(), { skip: { 'same-change': 'counter' } }).map((l) => l.name);
    expect(names).toEqual(['codec-roundtrip', 'codec-canonical', 'identity', 'ours-only', 'theirs-only', 'symmetry']);
  });
});
