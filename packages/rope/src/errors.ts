/** Typed errors of the rope: bad positions, bad text, and stored trees that are not ropes. */
import { GroveError } from '@grove/merge';

/** The codes a `RopeError` carries. */
export type RopeErrorCode = 'out-of-range' | 'invalid-text' | 'not-a-rope';

/** Structured details: whichever of these apply. */
export interface RopeErrorData {
  /** The position or count that was refused. */
  readonly position?: number;
  /** The rope's length (code points) when the position was refused. */
  readonly length?: number;
  /** A stored object that is not part of a valid rope, and the entry within it. */
  readonly hash?: string;
  readonly entry?: string;
}

/**
 * An error of the rope, with a literal `code`: `out-of-range` (a position
 * or count outside the text), `invalid-text` (a lone surrogate, which has
 * no UTF-8 encoding), `not-a-rope` (stored objects that do not form a
 * rope). Test `code`, not `instanceof`.
 */
export class RopeError extends GroveError<RopeErrorCode, RopeErrorData> {
  readonly code: RopeErrorCode;

  constructor(code: RopeErrorCode, message: string, data: RopeErrorData = {}) {
    super(message, data);
    this.code = code;
  }
}
