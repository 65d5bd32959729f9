/**
 * Fuzzing REST body parsing: any body ends in a typed value or `bad-request`;
 * a value written as JSON by `toJson` parses back to the same value.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonBody, parseValueBody, toJson } from './values.js';
import { fuzzedBytes, typedOrValue } from '@grove/merge/laws';

const RUNS = 10_000;

const tag = fc.constantFrom('text', 'json', 'bytes', 'grove/counter@1', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'nope');
const value = fc.oneof(fc.string({ maxLength: 6 }), fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.uint8Array({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), fc.integer());
const body = fc.record({ tag, value, message: fc.option(fc.oneof(fc.string({ maxLength: 6 }), fc.integer()), { nil: undefined }) }, { requiredKeys: ['tag'] });
const bodyBytes = body.map((b) => Buffer.from(JSON.stringify(toJson(b))));

describe('REST bodies (fuzzed)', () => {
  it('parse to a value or throw bad-request, whatever the bytes', () => {
    fc.assert(
      fc.property(fuzzedBytes(bodyBytes), (bytes) => {
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
