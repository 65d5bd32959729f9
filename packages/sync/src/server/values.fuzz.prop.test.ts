/**
 * Fuzzing REST body parsing: any body ends in a typed value or `bad-request`;
 * a value written as JSON by `toJson` parses back to the same value.
 */
import * as fc from 'fast-check';
import { isGroveError } from '@grove/merge';
import { describe, expect, it } from 'vitest';
import { jsonBody, parseValueBody, toJson } from './values.js';

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

const tag = fc.constantFrom('text', 'json', 'bytes', 'grove/counter@1', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'nope');
const value = fc.oneof(fc.string({ maxLength: 6 }), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.uint8Array({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), fc.integer());
const body = fc.record({ tag, value, message: fc.option(fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), { nil: undefined }) }, { requiredKeys: ['tag'] });
const bodyBytes = body.map((b) => Buffer.from(JSON.stringify(toJson(b))));

describe('REST bodies (fuzzed)', () => {
  it('parse to a value or throw bad-request, whatever the bytes', () => {
    fc.assert(
      fc.property(fuzzed(bodyBytes), (bytes) => {
        const buf = Buffer.from(bytes);
        typedOrValue(() => jsonBody(buf, '{}'));
        typedOrValue(() => parseValueBody(buf));
      }),
      { numRuns: RUNS },
    );
  });

  it('read back text, bytes and counters written by toJson', () => {
    const typed = fc.oneof(
      fc.record({ tag: fc.constant('text'), value: fc.string({ maxLength: 8 }) }),
      fc.record({ tag: fc.constant('bytes'), value: fc.uint8Array({ maxLength: 8 }) }),
      fc.record({ tag: fc.constant('grove/counter@1'), value: fc.bigInt({ min: -(10n ** 50n), max: 10n ** 50n }) }),
    );
    fc.assert(
      fc.property(typed, fc.option(fc.string({ maxLength: 6 }), { nil: undefined }), ({ tag: t, value: v }, message) => {
        const parsed = parseValueBody(Buffer.from(JSON.stringify(toJson({ tag: t, value: v, message }))));
        expect(parsed.type.tag).toBe(t);
        expect(parsed.value).toEqual(v);
        expect(parsed.message).toBe(message);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuse tags that name Object.prototype members with bad-request (regression: {"tag":"constructor"} threw a TypeError)', () => {
    for (const t of ['__proto__', 'constructor', 'toString']) {
      expect(() => parseValueBody(Buffer.from(JSON.stringify({ tag: t, value: 1 })))).toThrow(expect.objectContaining({ code: 'bad-request' }));
    }
  });
});
