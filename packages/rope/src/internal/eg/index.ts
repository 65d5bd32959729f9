/** Eg-walker's event replay: the merged document of an edit history (see README.md). */
export { EventGraphError } from './errors.js';
export { applyEdits, plainEvents, replay, transform } from './replay.js';
export type { EventGraphErrorCode, EventGraphErrorData } from './errors.js';
export type { TextEvent, TextOp } from './replay.js';
export type { Edit, Event, Op, OpsOf, Span } from './types.js';
