/**
 * `@grove/rope/traces`: real editing traces (CC BY 4.0, see traces/README.md)
 * and the drivers that apply them, for tests and benchmarks.
 */
export { applyPatches, patchesOf, readConcurrentTrace, readTrace, SEQUENTIAL_TRACES } from './read-trace.js';
export { replayConcurrent } from './replay.js';
export type { ConcurrentTrace, ConcurrentTxn, Patch, SequentialTrace, SequentialTraceName } from './read-trace.js';
export type { ReplayOptions, Replayed } from './replay.js';
