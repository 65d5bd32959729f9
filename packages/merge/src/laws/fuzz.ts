/**
 * Fuzzing decoders with fast-check: bytes near valid encodings (random
 * bytes, valid ones, and valid ones with a few flips, insertions,
 * deletions or truncations), and the rule that a decoder fed them returns
 * a value or throws a typed Grove error, never anything else.
 */
import * as fc from 'fast-check';
import { isGroveError } from '../errors.js';

type Mutation = readonly [op: number, at: number, value: number];
const mutation: fc.Arbitrary<Mutation> = fc.tuple(fc.nat(4), fc.nat(), fc.nat(255));

/** Flips a bit, sets, inserts or deletes a byte, or truncates, at positions taken modulo the length. */
function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let out = Uint8Array.from(bytes);
  const join = (...parts: ArrayLike<number>[]) => {
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      joined.set(p, at);
      at += p.length;
    }
    return joined;
  };
  for (const [op, at, value] of mutations) {
    const i = at % (out.length + 1);
    if (op === 0 && i < out.length) out[i] = out[i]! ^ (1 << (value % 8));
    else if (op === 1 && i < out.length) out[i] = value;
    else if (op === 2) out = join(out.subarray(0, i), [value], out.subarray(i));
    else if (op === 3) out = join(out.subarray(0, i), out.subarray(i + 1 + (value % 4)));
    else if (op === 4) out = out.subarray(0, i);
  }
  return out;
}

/**
 * Encodings from `valid`, each changed by one to three mutations.
 * @example
 * fc.assert(fc.property(mutated(validPacks), (bytes) => typedOrValue(() => parsePack(bytes))));
 */
export function mutated(valid: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([b, m]) => mutate(b, m));
}

/**
 * Random bytes (up to 64), encodings from `valid`, and mutated ones (most
 * cases), so a fuzzed decoder gets past its first check.
 * @example
 * fc.assert(fc.property(fuzzedBytes(fc.constant(counter.encode(7n))), (bytes) => typedOrValue(() => counter.decode(bytes))), { numRuns: 10_000 });
 */
export function fuzzedBytes(valid: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { arbitrary: fc.uint8Array({ maxLength: 64 }), weight: 1 },
    { arbitrary: valid, weight: 1 },
    { arbitrary: mutated(valid), weight: 4 },
  );
}

/**
 * Runs `f` and rethrows anything it throws that is not a Grove error (a
 * `TypeError`, a `RangeError`): what a fuzzed decoder must never throw.
 */
export function typedOrValue(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!isGroveError(e)) throw e;
  }
}
