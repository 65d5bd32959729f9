/** Typed errors of sync: each says what failed, where, and what to do. */
import { GroveError } from '@grove/merge';

/** The codes a `SyncError` carries. */
export type SyncErrorCode =
  | 'malformed-pkt-line'
  | 'bad-pack'
  | 'bad-request'
  | 'missing-objects'
  | 'unreachable'
  | 'auth'
  | 'rejected'
  | 'not-found'
  | 'too-large'
  | 'read-only'
  | 'forbidden'
  | 'unsupported-media-type'
  | 'unsupported'
  | 'conflict';

/** Structured details: whichever of these apply. */
export interface SyncErrorData {
  /** Byte offset in the message or pack where decoding failed. */
  readonly offset?: number;
  readonly ref?: string;
  readonly hash?: string;
  readonly url?: string;
  /** The HTTP status a server answered with. */
  readonly status?: number;
}

/** An error of sync, with a literal `code`; test `code`, not `instanceof`. */
export class SyncError extends GroveError<SyncErrorCode, SyncErrorData> {
  readonly code: SyncErrorCode;

  constructor(code: SyncErrorCode, message: string, data: SyncErrorData = {}, options?: ErrorOptions) {
    super(message, data, options);
    this.code = code;
  }
}
