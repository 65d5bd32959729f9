/** Eg-walker's event replay: the merged text of an edit history (see README.md). */
export { EventGraphError } from './errors.js';
export { replay } from './replay.js';
export type { EventGraphErrorCode, EventGraphErrorData } from './errors.js';
export type { Event, Op } from './types.js';
