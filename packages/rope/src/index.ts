/** `@grove/rope`: a persistent rope for text, stored as a Merkle tree of Git trees and blobs. */
export { RopeError } from './errors.js';
export { decode, empty, encode, equals, merge, mergeable } from './mergeable.js';
export { Rope } from './rope.js';
export { structure } from './structure.js';
export type { RopeErrorCode, RopeErrorData } from './errors.js';
export type { RopeHandle } from './handle.js';
