/** `@grove/counter`: mergeable integer counters and max/min registers. */
export { decode, decrement, empty, encode, equals, increment, merge, mergeable } from './counter.js';
export { CounterError } from './integer.js';
export { maxRegister, minRegister } from './registers.js';
export type { CounterErrorData } from './integer.js';
