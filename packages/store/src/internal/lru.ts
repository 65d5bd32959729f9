/**
 * A least-recently-used cache on Map's insertion order, bounded by total
 * weight (by default each entry weighs 1, so the limit is a count).
 */
export class Lru<K, V> {
  readonly #map = new Map<K, V>();
  readonly #limit: number;
  readonly #weight: (value: V) => number;
  #total = 0;

  constructor(limit: number, weight: (value: V) => number = () => 1) {
    this.#limit = limit;
    this.#weight = weight;
  }

  get(key: K): V | undefined {
    const value = this.#map.get(key);
    if (value !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, value);
    }
    return value;
  }

  /** Remembers `value`, evicting the least recently used; a value over a quarter of the limit is not kept. */
  set(key: K, value: V): void {
    const weight = this.#weight(value);
    if (weight > this.#limit / 4) return;
    const old = this.#map.get(key);
    if (old !== undefined) {
      this.#map.delete(key);
      this.#total -= this.#weight(old);
    }
    this.#map.set(key, value);
    this.#total += weight;
    for (const [oldest, evicted] of this.#map) {
      if (this.#total <= this.#limit) break;
      this.#map.delete(oldest);
      this.#total -= this.#weight(evicted);
    }
  }
}
