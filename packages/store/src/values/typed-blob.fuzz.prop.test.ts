/**
 * Fuzzing the typed-blob header: any blob splits into a tag and a payload
 * without throwing; a blob written with a tag reads back with that tag
 * (canonicalised) and the same payload.
 */
import * as fc from 'fast-check';
import { formatTag, isGroveError, parseTag } from '@grove/merge';
import { describe, expect, it } from 'vitest';
import { BYTES, decodeTyped, encodeTyped, TEXT } from './typed-blob.js';

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
      fc.property(fuzzed(valid), (blob) => {
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
