/**
 * Canonical codecs for the common leaf values. Text codecs write plain
 * UTF-8 so `git show` prints the value.
 */
import { DecodeError, EncodeError } from './errors.js';
import { fromUtf8, utf8 } from './internal/bytes.js';
import { describeValue } from './internal/describe.js';
import type { Codec } from './mergeable.js';

/** Well-formed strings as UTF-8. Lone surrogates are refused (they cannot round-trip). */
export const string: Codec<string> = {
  tag: 'string',
  encode(value) {
    if (typeof value !== 'string') throw new EncodeError({ tag: 'string', reason: `expected a string, not ${describeValue(value)}` });
    if (!value.isWellFormed()) {
      throw new EncodeError({ tag: 'string', reason: 'the string has a lone surrogate; use String.prototype.toWellFormed()' });
    }
    return utf8(value);
  },
  decode(bytes) {
    const text = fromUtf8(bytes);
    if (text === undefined) throw new DecodeError({ tag: 'string', offset: 0, reason: 'not valid UTF-8' });
    return text;
  },
};

const INTEGER = /^-?(0|[1-9][0-9]*)$/;

/**
 * Arbitrary-precision integers as decimal text (`-12`), no leading zeros,
 * no `-0`. Decoding also accepts one trailing line end (`"15\n"`, as an
 * editor saves the file); encoding writes the canonical form again.
 */
export const bigint: Codec<bigint> = {
  tag: 'bigint',
  encode(value) {
    if (typeof value !== 'bigint') {
      throw new EncodeError({ tag: 'bigint', reason: `expected a bigint such as 42n, not ${describeValue(value)}; convert a safe integer with BigInt(n)` });
    }
    return utf8(value.toString());
  },
  decode(bytes) {
    const text = fromUtf8(bytes)?.replace(/\r?\n$/, '');
    if (text === undefined || !INTEGER.test(text) || text === '-0') {
      throw new DecodeError({ tag: 'bigint', offset: 0, reason: 'expected a decimal integer such as -12' });
    }
    return BigInt(text);
  },
};

/** JSON values: null, booleans, finite numbers, strings, arrays and plain objects. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [key: string]: Json };

/** Deeper JSON than this is refused on encode: it could not be written or read back without exhausting the stack. */
const MAX_JSON_DEPTH = 1000;

function canonicalJson(value: unknown, at: string, open: Set<object> = new Set()): string {
  const fail = (reason: string): never => {
    throw new EncodeError({ tag: 'json', reason: `${reason} at ${at}` });
  };
  if (typeof value === 'object' && value !== null) {
    if (open.has(value)) fail('a cycle (the value contains itself)');
    if (open.size >= MAX_JSON_DEPTH) fail(`nesting deeper than ${MAX_JSON_DEPTH} levels`);
  }
  if (value === null || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : fail('a non-finite number');
  if (typeof value === 'string') return JSON.stringify(value);
  const inside = <T>(f: () => T): T => {
    open.add(value as object);
    try {
      return f();
    } finally {
      open.delete(value as object);
    }
  };
  if (Array.isArray(value)) return inside(() => `[${value.map((v, i) => canonicalJson(v, `${at}[${i}]`, open)).join(',')}]`);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    const keys = Object.keys(value).sort();
    return inside(() => `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k], `${at}.${k}`, open)}`).join(',')}}`);
  }
  return fail(`a ${typeof value} (only JSON values can be stored)`);
}

/**
 * JSON with sorted keys and no whitespace, so equal values give equal
 * bytes. Decoding accepts any valid JSON (hand-written files included).
 */
export const json: Codec<Json> = {
  tag: 'json',
  encode: (value) => utf8(canonicalJson(value, '$')),
  decode(bytes) {
    const text = fromUtf8(bytes);
    if (text === undefined) throw new DecodeError({ tag: 'json', offset: 0, reason: 'not valid UTF-8' });
    try {
      return JSON.parse(text) as Json;
    } catch (e) {
      throw new DecodeError({ tag: 'json', offset: 0, reason: (e as Error).message });
    }
  },
};

/** Raw bytes, copied. */
export const bytes: Codec<Uint8Array> = {
  tag: 'bytes',
  encode(value) {
    if (!(value instanceof Uint8Array)) throw new EncodeError({ tag: 'bytes', reason: `expected a Uint8Array, not ${describeValue(value)}` });
    return value.slice();
  },
  decode: (value) => value.slice(),
};
