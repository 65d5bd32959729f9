/**
 * Typed errors of the merge contract. Conflicts are values, never errors;
 * these are for untrusted bytes, unencodable values and bugs.
 */

const brand = Symbol.for('grove.error');

/** Base of every error Grove throws on purpose: a literal `code` and structured `data`. */
export abstract class GroveError<Code extends string, Data> extends Error {
  readonly [brand] = true;
  abstract readonly code: Code;
  readonly data: Data;

  constructor(message: string, data: Data, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.data = data;
  }
}

/**
 * True for any error Grove threw on purpose, whichever copy of the package
 * created it (tests a `Symbol.for` brand, not `instanceof`).
 */
export function isGroveError(value: unknown): value is GroveError<string, unknown> {
  return typeof value === 'object' && value !== null && brand in value;
}

/** Where and why bytes could not be decoded as a value of type `tag`. */
export interface DecodeErrorData {
  readonly tag: string;
  readonly offset: number;
  readonly reason: string;
}

/** Bytes that are not a canonical encoding of the expected type. */
export class DecodeError extends GroveError<'decode-error', DecodeErrorData> {
  readonly code = 'decode-error' as const;

  constructor(data: DecodeErrorData) {
    super(
      `cannot decode ${data.tag} at byte ${data.offset}: ${data.reason}; ` +
        'the stored bytes were not written by this type (check the type tag) or are corrupt',
      data,
    );
  }
}

/** What could not be encoded and why. */
export interface EncodeErrorData {
  readonly tag: string;
  readonly reason: string;
}

/** A value that has no canonical encoding (a lone surrogate, NaN, a function...). */
export class EncodeError extends GroveError<'encode-error', EncodeErrorData> {
  readonly code = 'encode-error' as const;

  constructor(data: EncodeErrorData) {
    super(`cannot encode a value as ${data.tag}: ${data.reason}`, data);
  }
}

/** Thrown by `assert`: a bug in Grove or in a caller breaking a documented precondition. */
export class AssertionError extends Error {
  readonly code = 'assertion' as const;
}

/** Throws an `AssertionError` when `condition` is false. For bugs, not for bad input. */
export function assert(condition: unknown, message = 'assertion failed'): asserts condition {
  if (!condition) throw new AssertionError(message);
}

/** Marks a branch the type checker proves unreachable. */
export function unreachable(value: never): never {
  throw new AssertionError(`unreachable: ${String(value)}`);
}
