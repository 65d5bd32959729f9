/** `@grove/queue`: a mergeable FIFO queue, in memory and as a Merkle tree in a Grove store. */
export { QueueError } from './errors.js';
export { queue } from './queue-type.js';
export { compareStamps, formatStamp } from './stamp.js';
export type { QueueErrorCode, QueueErrorData } from './errors.js';
export type { QueueHandle } from './handle.js';
export type { Element, Queue, QueueStructure, StoredMergeResult } from './queue.js';
export type { PopResult, QueueMerge, QueueOptions, QueueType } from './queue-type.js';
export type { Stamp } from './stamp.js';
