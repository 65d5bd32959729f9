/**
 * Fuzzing the typed-blob header: any blob splits into a tag and a payload
 * without throwing; a blob written with a tag reads back with that tag
 * (canonicalised) and the same payload.
 */
import * as fc from 'fast-check';
import { formatTag, isGroveError, parseTag } from '@grove/merge';
import { describe, expect, it } from 'vitest';
import { BYTES, decodeTyped, encodeTyped, TEXT } from './typed-blob.js';
import { fuzzedBytes, typedOrValue } from '@grove/merge/laws';

const RUNS = 10_000;

const tag = fc.oneof(
  fc.constantFrom('grove/counter@1', 'json', 'grove/map@1(grove/set@1(json))', 'grove/sharded-set@1(string);leaf=16', 'r{"a b":x}'),
  fc.string({ unit: fc.constantFrom('a', '(', ')', ',', '=', ';', '"', ' ', 'é', '👋', '\r', '\ud800'), minLength: 1, maxLength: 120 }),
);
const payload = fc.oneof(fc.uint8Array({ maxLength: 24 }), fc.constant(Buffer.from('#!grove x\nabc')));
const canonical = (t: string) => {
  try {
    return formatTag(parseTag(t));
  } catch {
    return t;
  }
};

describe('decodeTyped (fuzzed)', () => {
  it('reads back the tag and payload encodeTyped wrote, or encodeTyped refuses the tag with a typed error', () => {
    fc.assert(
      fc.property(tag, payload, (t, p) => {
        let blob: Uint8Array;
        try {
          blob = encodeTyped(t, p);
        } catch (e) {
          if (!isGroveError(e)) throw e;
          return;
        }
        const back = decodeTyped(blob);
        expect(back.tag).toBe(canonical(t));
        expect(Buffer.from(back.payload).equals(Buffer.from(p))).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('splits any blob without throwing; headerless blobs are text or bytes as they are', () => {
    const valid = fc.tuple(tag, payload).map(([t, p]) => {
      try {
        return encodeTyped(t, p);
      } catch {
        return p;
      }
    });
    fc.assert(
      fc.property(fuzzedBytes(valid), (blob) => {
        const { tag: t, payload: p } = decodeTyped(blob);
        if (t === TEXT || t === BYTES) expect(p.length).toBeLessThanOrEqual(blob.length);
        expect(blob.length - p.length).toBeLessThanOrEqual(8 + 200 + 1);
      }),
      { numRuns: RUNS },
    );
  });

  it('refuses tags it could not read back (regressions: 101 × "é" is 202 UTF-8 bytes; a lone surrogate)', () => {
    expect(() => encodeTyped('é'.repeat(101), Uint8Array.of(1))).toThrow(expect.objectContaining({ code: 'wrong-type' }));
    expect(() => encodeTyped('\ud800a', Uint8Array.of(1))).toThrow(expect.objectContaining({ code: 'wrong-type' }));
  });
});
