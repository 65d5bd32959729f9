/** Typed errors of the event-graph replay: malformed graphs and ops outside the text. */
import { GroveError } from '@grove/merge';

/** The codes an `EventGraphError` carries. */
export type EventGraphErrorCode = 'duplicate-event' | 'unknown-parent' | 'cycle' | 'open-known' | 'out-of-range';

/** Structured details: whichever of these apply. */
export interface EventGraphErrorData {
  /** The event at fault. */
  readonly event?: string;
  /** The parent id that names no given event. */
  readonly parent?: string;
  /** The index of the op at fault within its event. */
  readonly op?: number;
  /** The refused position or count, and the text length (code points) it ran against. */
  readonly position?: number;
  readonly length?: number;
}

/**
 * An event set that cannot be replayed, with a literal `code`:
 * `duplicate-event` (two events share an id), `unknown-parent` (a parent id
 * names no given event: pass every event since the base), `cycle` (events
 * that are their own ancestors), `open-known` (a known event whose parent
 * is not known), `out-of-range` (an op's position or count
 * outside the text its author saw). Test `code`, not `instanceof`.
 */
export class EventGraphError extends GroveError<EventGraphErrorCode, EventGraphErrorData> {
  readonly code: EventGraphErrorCode;

  constructor(code: EventGraphErrorCode, message: string, data: EventGraphErrorData = {}) {
    super(message, data);
    this.code = code;
  }
}
