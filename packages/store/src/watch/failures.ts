/**
 * The failure channel: background work (watch callbacks, replication)
 * reports what went wrong here instead of logging it. Fire and forget, but
 * get reminded.
 */

/** One failure: where it came from, what failed, and the error. */
export interface Failure {
  readonly source: string;
  readonly message: string;
  readonly error: unknown;
  readonly branch?: string;
  /** Milliseconds since the epoch, from the repository's clock. */
  readonly at: number;
}

export type FailureListener = (failure: Failure) => void;

/** How many failures are kept while nobody listens; older ones are counted as dropped. */
export const FAILURE_BUFFER = 1000;

export class FailureChannel {
  readonly #listeners = new Set<FailureListener>();
  readonly #buffer: Failure[] = [];
  #dropped = 0;

  /** Calls `listener` on every failure from now on; returns the unsubscribe function. */
  subscribe(listener: FailureListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Delivers `failure` to the listeners, or buffers it when there are none. */
  report(failure: Failure): void {
    if (this.#listeners.size === 0) {
      this.#buffer.push(failure);
      if (this.#buffer.length > FAILURE_BUFFER) {
        this.#buffer.shift();
        this.#dropped++;
      }
      return;
    }
    for (const listener of this.#listeners) listener(failure);
  }

  /** Takes the failures buffered while nobody listened, and how many were dropped. */
  drain(): { failures: Failure[]; dropped: number } {
    const out = { failures: this.#buffer.splice(0), dropped: this.#dropped };
    this.#dropped = 0;
    return out;
  }
}
