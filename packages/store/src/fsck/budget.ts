/** A shared bound on how many objects and values one `fsck` visits. */

/** Counts visits against a limit; `exhausted` once the limit was reached. */
export class Budget {
  #left: number;
  #exhausted = false;

  constructor(limit: number) {
    this.#left = limit;
  }

  /** Takes one visit; false (and `exhausted` from then on) when none is left. */
  take(): boolean {
    if (this.#left <= 0) {
      this.#exhausted = true;
      return false;
    }
    this.#left--;
    return true;
  }

  get exhausted(): boolean {
    return this.#exhausted;
  }
}
