/** Integers given as numbers are checked, so a count never loses precision silently. */
import { GroveError } from '@grove/merge';

/** What was not an integer a counter can hold exactly. */
export interface CounterErrorData {
  readonly value: number;
}

/** A number that is not a safe integer (fractional, NaN, infinite, or past 2^53 - 1) given to a counter. */
export class CounterError extends GroveError<'unsafe-integer', CounterErrorData> {
  readonly code = 'unsafe-integer' as const;

  constructor(data: CounterErrorData) {
    super(`${data.value} is not a safe integer; pass a bigint (e.g. ${Number.isFinite(data.value) ? `${BigInt(Math.trunc(data.value))}n` : '1n'}) to count past 2^53 - 1 exactly`, data);
  }
}

/** `by` as a bigint; throws `CounterError` for a number that is not a safe integer. */
export function toBigint(by: bigint | number): bigint {
  if (typeof by === 'bigint') return by;
  if (!Number.isSafeInteger(by)) throw new CounterError({ value: by });
  return BigInt(by);
}
