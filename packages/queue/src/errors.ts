/** Typed errors of the queue: bad options, a bad clock, malformed stored trees, popping an empty queue. */
import { GroveError } from '@grove/merge';

/**
 * - `empty-queue`: `pop` found nothing to pop (returned in the result, never thrown);
 * - `invalid-option`: a replica id or fanout the queue cannot use;
 * - `invalid-clock`: the injected clock returned something other than a safe integer >= 0;
 * - `invalid-layout`: a stored queue tree whose entries are not a queue's.
 */
export type QueueErrorCode = 'empty-queue' | 'invalid-option' | 'invalid-clock' | 'invalid-layout';

/** Where it went wrong: the option or value at fault, or the tree entry that is malformed. */
export interface QueueErrorData {
  readonly tag: string;
  readonly option?: string;
  readonly value?: unknown;
  /** For `invalid-layout`: the entry name (or the hash of the node) that is malformed. */
  readonly entry?: string;
}

/** An error of the queue, with a literal `code`; test the code, not `instanceof`. */
export class QueueError extends GroveError<QueueErrorCode, QueueErrorData> {
  readonly code: QueueErrorCode;

  constructor(code: QueueErrorCode, message: string, data: QueueErrorData) {
    super(message, data);
    this.code = code;
  }
}
