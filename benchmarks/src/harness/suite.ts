/**
 * What a benchmark suite is: a workload built once (`setup`), checked for
 * correctness (`check`, before anything is timed), then cases timed side
 * by side in one process run and compared to the suite's anchor case.
 */

/** Which runs include a suite: `quick` suites run always, `full` ones only with `--full`. */
export type Tier = 'quick' | 'full';

/**
 * One timed case. `sync` and `async` cases are timed by benchmark.js
 * (`async` ones as deferred benchmarks); `manual` cases, which spawn
 * processes or need a fresh directory per run, are timed with
 * `performance.now()` around each run: `prepare` (untimed) returns the
 * thunk that is timed.
 */
export type Case =
  | { readonly name: string; readonly kind: 'sync'; readonly fn: () => unknown; readonly batch?: number }
  | { readonly name: string; readonly kind: 'async'; readonly fn: () => Promise<unknown>; readonly batch?: number }
  | { readonly name: string; readonly kind: 'manual'; readonly prepare: () => Promise<() => Promise<unknown>>; readonly batch?: number };

/**
 * A goal for one case. `speed` judges case ops/s ÷ anchor ops/s, `cost`
 * judges case time ÷ anchor time, `seconds` judges the case's time per
 * operation against `value` seconds.
 */
export interface Target {
  readonly case: string;
  readonly measure: 'speed' | 'cost' | 'seconds';
  readonly direction: 'at-least' | 'at-most';
  readonly value: number;
  readonly description: string;
}

export interface Suite {
  readonly name: string;
  readonly tier: Tier;
  /** What one operation is, for the ops/s column (e.g. `objects`, `commits`). */
  readonly unit: string;
  /** Builds the workload; nothing here is timed. */
  setup(): Promise<void>;
  /** Throws when the code under test gives a wrong answer on the workload. */
  check(): Promise<void>;
  readonly cases: readonly Case[];
  /** The case every other case is compared to. */
  readonly anchor: string;
  readonly target?: Target;
  /** Samples (runs) each case takes at least (default 5, benchmark.js's); fewer for cases that take seconds. */
  readonly minSamples?: number;
  /** Removes what `setup` left on disk. */
  teardown?(): Promise<void>;
}
