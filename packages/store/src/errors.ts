/** Typed errors of the store: each says what failed, where, and what to do. */
import { GroveError } from '@grove/merge';

/** The codes a `StoreError` carries. */
export type StoreErrorCode =
  | 'invalid-path'
  | 'invalid-ref'
  | 'not-found'
  | 'corrupt-object'
  | 'corrupt-ref'
  | 'locked'
  | 'io-error'
  | 'not-a-repository'
  | 'wrong-type'
  | 'unknown-type'
  | 'history-too-deep'
  | 'retries-exhausted'
  | 'read-only';

/** Structured details: whichever of these apply. */
export interface StoreErrorData {
  readonly path?: readonly string[];
  readonly segment?: string;
  /** How many segments a refused path has. */
  readonly segments?: number;
  readonly ref?: string;
  readonly hash?: string;
  readonly dir?: string;
  /** The file the error is about: a damaged ref file, a held lock, a file that could not be written. */
  readonly file?: string;
  /** 1-based line of `file` where it failed. */
  readonly line?: number;
  /** How old a held lock is, in milliseconds. */
  readonly ageMs?: number;
  readonly offset?: number;
  readonly expected?: string;
  readonly actual?: string;
}

/** An error of the store, with a literal `code`; test `code`, not `instanceof`. */
export class StoreError extends GroveError<StoreErrorCode, StoreErrorData> {
  readonly code: StoreErrorCode;

  constructor(code: StoreErrorCode, message: string, data: StoreErrorData = {}, options?: ErrorOptions) {
    super(message, data, options);
    this.code = code;
  }
}
