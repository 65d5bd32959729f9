/** `@grove/set`: mergeable sets, one blob when small, sharded history-independent trees when large. */
export { difference, intersection, union } from './algebra.js';
export { mergeable, structure } from './descriptors.js';
export { add, decode, empty, encode, equals, has, load, merge, of, remove as delete, size, values } from './set.js';
export type { SetHandle } from './handle.js';
export type { SetOptions } from './internal/schema.js';
export type { GroveSet } from './set.js';
