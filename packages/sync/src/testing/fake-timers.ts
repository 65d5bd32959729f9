/** Test support, not shipped: timers whose time moves only when a test says so. */
import type { Timers } from '../replicate/replicate.js';

/** Timers on a virtual clock; `advance` fires what is due, in order. */
export class FakeTimers implements Timers {
  #now = 0;
  #seq = 0;
  readonly #pending = new Map<number, { at: number; callback: () => void }>();

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.#seq++;
    this.#pending.set(id, { at: this.#now + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.#pending.delete(handle as number);
  }

  /** Moves the clock to the next timer and fires every timer due then. False when none is pending. */
  next(): boolean {
    const due = [...this.#pending.entries()].sort(([a, x], [b, y]) => x.at - y.at || a - b);
    if (due.length === 0) return false;
    this.#now = due[0]![1].at;
    for (const [id, t] of due) {
      if (t.at > this.#now) break;
      this.#pending.delete(id);
      t.callback();
    }
    return true;
  }
}
