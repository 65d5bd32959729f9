/** The in-memory backend: the embedded default, and the reference for tests. */
import type { Hash } from '../objects/hash.js';
import type { RawObject } from '../objects/raw.js';
import type { Backend, ObjectStore, RefStore } from './backend.js';

class MemoryObjects implements ObjectStore {
  readonly #objects = new Map<Hash, RawObject>();

  async read(hash: Hash) {
    return this.#objects.get(hash);
  }

  async has(hash: Hash) {
    return this.#objects.has(hash);
  }

  async writeMany(objects: readonly RawObject[]) {
    for (const o of objects) if (!this.#objects.has(o.hash)) this.#objects.set(o.hash, o);
  }
}

class MemoryRefs implements RefStore {
  readonly #refs = new Map<string, Hash>();

  async read(ref: string) {
    return this.#refs.get(ref);
  }

  async compareAndSet(ref: string, expected: Hash | undefined, next: Hash | undefined) {
    if (this.#refs.get(ref) !== expected) return false;
    if (next === undefined) this.#refs.delete(ref);
    else this.#refs.set(ref, next);
    return true;
  }

  async list(prefix: string) {
    return new Map([...this.#refs].filter(([name]) => name.startsWith(prefix)));
  }
}

/** A fresh, empty in-memory backend. */
export function memoryBackend(): Backend {
  return { objects: new MemoryObjects(), refs: new MemoryRefs() };
}
