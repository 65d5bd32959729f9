/** The handle a type gets when it brings none of its own: read, write, update and delete the whole value. */
import type { Cell } from './cell.js';

/**
 * The default handle of a schema entry: the whole value at its path.
 * O(1) verbs beyond reading and decoding the value once per change.
 * @example
 * await doc.change(async (d) => { await d.title.set('Hi'); await d.title.update((t) => `${t}!`); });
 */
export interface ValueHandle<T> {
  /** The value, or undefined when absent. */
  get(): Promise<T | undefined>;
  set(value: T): Promise<void>;
  /** Sets the value to `f(current)` and returns it. */
  update(f: (current: T | undefined) => T): Promise<T>;
  /** Removes the value. */
  delete(): Promise<void>;
}

/**
 * The handle of a bigint value (a counter, a register): `ValueHandle` and `inc`.
 * @example
 * await doc.change((d) => d.visits.inc(2));
 */
export interface CounterHandle extends ValueHandle<bigint> {
  /** Adds `by` (default 1; a number must be an integer) to the value (0 when absent) and returns the sum. */
  inc(by?: bigint | number): Promise<bigint>;
}

/** The default handle over `cell` (`inc` is typed only where the value is a bigint). */
export function valueHandle<T>(cell: Cell<T>): CounterHandle {
  const c = cell as unknown as Cell<bigint>;
  return {
    get: () => c.get(),
    set: (value) => c.set(value),
    update: (f) => c.update(f),
    delete: () => c.delete(),
    inc: (by = 1n) => c.update((v) => (v ?? 0n) + BigInt(by)),
  };
}
