/** `@grove/map`: mergeable string-keyed maps of any mergeable value, sharded history-independent trees when large. */
export { mergeable, structure } from './descriptors.js';
export { decode, diff, empty, encode, entries, equals, get, has, keys, load, merge, of, remove as delete, set, size } from './map.js';
export type { CounterMapHandle, MapHandle, MapHandleOf } from './handle.js';
export type { MapOptions } from './internal/schema.js';
export type { GroveMap, MapChange } from './map.js';
