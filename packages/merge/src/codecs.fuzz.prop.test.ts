/**
 * Fuzzing the tag grammar and every codec's and combinator's `decode`:
 * random bytes and mutations of real encodings end in a value or a typed
 * Grove error; real encodings decode back to the value encoded.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codecs, counter, formatTag, isGroveError, lww, mapOf, multiset, option, parseTag, record, setOf, type Codec } from './index.js';

const RUNS = 10_000;

/** Runs `f`; any throw must be a Grove error with a code. */
function typedOrValue(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!isGroveError(e)) throw e;
    expect(typeof (e as { code?: unknown }).code).toBe('string');
  }
}

type Mutation = readonly [op: number, at: number, value: number];
const mutation: fc.Arbitrary<Mutation> = fc.tuple(fc.nat(4), fc.nat(), fc.nat(255));

/** Flips a bit, sets, inserts or deletes a byte, or truncates, at positions taken modulo the length. */
function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let out = Buffer.from(bytes);
  for (const [op, at, value] of mutations) {
    const i = at % (out.length + 1);
    if (op === 0 && i < out.length) out[i] = out[i]! ^ (1 << (value % 8));
    else if (op === 1 && i < out.length) out[i] = value;
    else if (op === 2) out = Buffer.concat([out.subarray(0, i), Buffer.from([value]), out.subarray(i)]);
    else if (op === 3) out = Buffer.concat([out.subarray(0, i), out.subarray(i + 1 + (value % 4))]);
    else if (op === 4) out = out.subarray(0, i);
  }
  return out;
}

/** Random bytes, valid encodings, and valid encodings with 1-3 mutations. */
function fuzzed(valid: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { arbitrary: fc.uint8Array({ maxLength: 64 }), weight: 1 },
    { arbitrary: valid, weight: 1 },
    { arbitrary: fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([b, m]) => mutate(b, m)), weight: 4 },
  );
}

const tagText = fc.string({ unit: fc.constantFrom('a', 'b', '(', ')', '{', '}', ',', '=', ':', ';', '"', '\\', 'x', 'u', '1', '/', '@', ' ', 'é'), maxLength: 16 });
const validTag = fc.constantFrom('grove/counter@1', 'grove/map@1(grove/set@1(json))', 'grove/queue@1(json,fanout=8)', 'r{"a b":x,y:grove/max@1}', 'a(b);k="v\\n"', 'x{"\\u00e9":y(z)}');

describe('parseTag (fuzzed)', () => {
  it('parses to a term that prints and parses back, or throws invalid-tag', () => {
    const text = fc.oneof(tagText, fc.tuple(validTag, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([t, m]) => Buffer.from(mutate(Buffer.from(t, 'latin1'), m)).toString('latin1')));
    fc.assert(
      fc.property(text, (tag) =>
        typedOrValue(() => {
          const printed = formatTag(parseTag(tag));
          expect(formatTag(parseTag(printed))).toBe(printed);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('refuses deep nesting with invalid-tag, not a stack overflow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('a(', 'r{x:'), (depth, open) => typedOrValue(() => parseTag(open.repeat(depth) + 'a')) ),
      { numRuns: 20 },
    );
  });
});

describe('parseTag regressions', () => {
  it('refuses a bad JSON escape with invalid-tag (seed counterexample x{"\\w00e9":y(z)})', () => {
    expect(() => parseTag('x{"\\w00e9":y(z)}')).toThrow(expect.objectContaining({ code: 'invalid-tag', data: expect.objectContaining({ offset: 2 }) }));
  });
  it('refuses 5852 nested "a(" with invalid-tag', () => {
    expect(() => parseTag(`${'a('.repeat(5852)}a`)).toThrow(expect.objectContaining({ code: 'invalid-tag' }));
  });
});

const small = fc.bigInt({ min: -1000n, max: 1000n });
const text = fc.string({ unit: 'grapheme', maxLength: 6 });
const json = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as codecs.Json);

/** A codec, values of its type, and how to compare them. */
function fuzz<T>(name: string, codec: Codec<T>, values: fc.Arbitrary<T>) {
  describe(`${name} decode (fuzzed)`, () => {
    it('decodes what it encodes', () => {
      fc.assert(
        fc.property(values, (v) => {
          expect(codec.decode(codec.encode(v))).toEqual(v);
        }),
        { numRuns: RUNS },
      );
    });
    it('returns a value or throws a typed error on any bytes', () => {
      fc.assert(fc.property(fuzzed(values.map((v) => codec.encode(v))), (bytes) => typedOrValue(() => codec.decode(bytes))), { numRuns: RUNS });
    });
  });
}

fuzz('string', codecs.string, text);
fuzz('bigint', codecs.bigint, fc.bigInt());
fuzz('json', codecs.json, json);
fuzz('bytes', codecs.bytes, fc.uint8Array({ maxLength: 16 }));
fuzz('counter', counter, small);
fuzz('lww', lww(codecs.string), fc.record({ value: text, time: fc.nat(), replica: text }));
fuzz('mapOf', mapOf(counter), fc.array(fc.tuple(text, small), { maxLength: 4 }).map((es) => new Map(es)));
fuzz('multiset', multiset(codecs.string), fc.array(fc.tuple(text, fc.integer({ min: 1, max: 1e6 })), { maxLength: 4 }).map((es) => new Map(es)));
fuzz('option', option(counter), fc.option(small, { nil: undefined }));
fuzz('record', record({ x: counter, y: option(counter) }), fc.record({ x: small, y: fc.option(small, { nil: undefined }) }));
fuzz('setOf', setOf(codecs.string), fc.uniqueArray(text, { maxLength: 4 }).map((es) => new Set(es)));
fuzz('nested', mapOf(setOf(counter)), fc.array(fc.tuple(text, fc.uniqueArray(small, { maxLength: 3 }).map((es) => new Set(es))), { maxLength: 3 }).map((es) => new Map(es)));
