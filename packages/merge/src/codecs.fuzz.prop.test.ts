/**
 * Fuzzing the tag grammar and every codec's and combinator's `decode`:
 * random bytes and mutations of real encodings end in a value or a typed
 * Grove error; real encodings decode back to the value encoded.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codecs, counter, formatTag, lww, mapOf, multiset, option, parseTag, record, setOf, type Codec } from './index.js';
import { fuzzedBytes, mutated, typedOrValue } from './laws/index.js';

const RUNS = 10_000;

const tagText = fc.string({ unit: fc.constantFrom('a', 'b', '(', ')', '{', '}', ',', '=', ':', ';', '"', '\\', 'x', 'u', '1', '/', '@', ' ', 'é'), maxLength: 16 });
const validTag = fc.constantFrom('grove/counter@1', 'grove/map@1(grove/set@1(json))', 'grove/queue@1(json,fanout=8)', 'r{"a b":x,y:grove/max@1}', 'a(b);k="v\\n"', 'x{"\\u00e9":y(z)}');

describe('parseTag (fuzzed)', () => {
  it('parses to a term that prints and parses back, or throws invalid-tag', () => {
    const text = fc.oneof(tagText, mutated(validTag.map((t) => Buffer.from(t, 'latin1'))).map((b) => Buffer.from(b).toString('latin1')));
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
      fc.assert(fc.property(fuzzedBytes(values.map((v) => codec.encode(v))), (bytes) => typedOrValue(() => codec.decode(bytes))), { numRuns: RUNS });
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
