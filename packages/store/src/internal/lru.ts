/**
 * A cache bounded by total weight (by default each entry weighs 1, so the
 * limit is a count) that evicts roughly the least recently used entries.
 * Entries live in two generations of at most half the limit each: new and
 * recently hit entries go in the young one; when it is full, the old one is
 * dropped and the young one becomes old. A hit on a young entry is one Map
 * lookup with no reordering; a hit on an old one moves it to the young one.
 */
export class Lru<K, V> {
  #young = new Map<K, V>();
  #old = new Map<K, V>();
  #youngWeight = 0;
  readonly #limit: number;
  readonly #weight: (value: V) => number;

  constructor(limit: number, weight: (value: V) => number = () => 1) {
    this.#limit = limit;
    this.#weight = weight;
  }

  get(key: K): V | undefined {
    const young = this.#young.get(key);
    if (young !== undefined) return young;
    const old = this.#old.get(key);
    if (old !== undefined) {
      this.#old.delete(key);
      this.#add(key, old, this.#weight(old));
    }
    return old;
  }

  /**
   * Remembers `value`, evicting the least recently used; a value over a
   * quarter of the limit is not kept. Returns whether it was kept.
   */
  set(key: K, value: V): boolean {
    const weight = this.#weight(value);
    if (weight > this.#limit / 4) return false;
    const young = this.#young.get(key);
    if (young !== undefined) {
      this.#young.delete(key);
      this.#youngWeight -= this.#weight(young);
    }
    this.#old.delete(key);
    this.#add(key, value, weight);
    return true;
  }

  /** Adds an entry to the young generation, first making it old when the entry would overfill it. */
  #add(key: K, value: V, weight: number): void {
    if (this.#youngWeight + weight > this.#limit / 2) {
      this.#old = this.#young;
      this.#young = new Map();
      this.#youngWeight = 0;
    }
    this.#young.set(key, value);
    this.#youngWeight += weight;
  }
}
