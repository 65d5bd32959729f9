/**
 * Content-defined boundaries, the part of the stored format that makes equal
 * text give equal hashes whatever its history.
 *
 * Leaves: a gear rolling hash (FastCDC's) over UTF-16 units ends a chunk
 * where its top `MASK_BITS` bits are zero, once the chunk holds at least
 * `MIN_CHUNK` units; `MAX_CHUNK` units end it regardless. A hash shifted
 * left once per unit forgets units after 32 steps, so each boundary depends
 * only on the 32 units before it and on the distance to the previous
 * boundary: after an edit, chunking falls back into step with the old
 * boundaries within a chunk or two. A surrogate pair is never split.
 *
 * Inner nodes (prolly-tree style): a node ends after a child whose id's
 * first 32 bits are 0 modulo `FANOUT`, or after `MAX_FANOUT` children.
 *
 * These constants and the gear table are part of the format: changing any
 * of them changes every stored rope's hashes.
 */
import { isHighSurrogate } from './code-points.js';

/** A chunk holds at least this many UTF-16 units, unless it ends the text. */
const MIN_CHUNK = 512;
/** Expected units past the minimum before a boundary: 2^MASK_BITS. */
const MASK_BITS = 10;
/** A chunk holds at most this many UTF-16 units (one more to keep a surrogate pair whole). */
const MAX_CHUNK = 4096;
/** Expected children of an inner node. */
const FANOUT = 16;
/** Most children of an inner node. */
const MAX_FANOUT = 64;

/** 256 fixed pseudo-random 32-bit words (splitmix32 from seed 0x67726f76, "grov"). */
const GEAR = (() => {
  const table = new Int32Array(256);
  let state = 0x67726f76;
  for (let i = 0; i < 256; i++) {
    state = (state + 0x9e3779b9) | 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    table[i] = z ^ (z >>> 16);
  }
  return table;
})();

/** Units before the minimum where hashing starts: older units have left the 32-bit hash anyway. */
const WARMUP = MIN_CHUNK - 32;

/**
 * Cuts text fed piece by piece into chunks; `emit` receives each whole
 * chunk, and whether the rule ended it (false for the last one, ended by
 * `flush`).
 */
export class TextChunker {
  #parts: string[] = [];
  #size = 0;
  #hash = 0;
  readonly #emit: (chunk: string, ruled: boolean) => void;

  constructor(emit: (chunk: string, ruled: boolean) => void) {
    this.#emit = emit;
  }

  /** True at a boundary: nothing fed since the last chunk ended. */
  get atBoundary(): boolean {
    return this.#size === 0;
  }

  feed(text: string): void {
    const n = text.length;
    let from = 0;
    let size = this.#size;
    let hash = this.#hash;
    let i = 0;
    while (i < n) {
      if (size < WARMUP) {
        const skip = Math.min(WARMUP - size, n - i);
        i += skip;
        size += skip;
        continue;
      }
      for (; i < n; i++) {
        const unit = text.charCodeAt(i);
        hash = ((hash << 1) + GEAR[(unit ^ (unit >>> 8)) & 0xff]!) | 0;
        size++;
        if (size >= MIN_CHUNK && ((hash >>> (32 - MASK_BITS)) === 0 || size >= MAX_CHUNK) && !isHighSurrogate(unit)) {
          this.#parts.push(text.slice(from, ++i));
          this.#emit(this.#parts.join(''), true);
          this.#parts = [];
          from = i;
          size = 0;
          hash = 0;
          break;
        }
      }
    }
    if (from < n) this.#parts.push(text.slice(from));
    this.#size = size;
    this.#hash = hash;
  }

  /** Ends the text: emits what is left as a last, shorter chunk. */
  flush(): void {
    if (this.#size > 0) this.#emit(this.#parts.join(''), false);
    this.#parts = [];
    this.#size = 0;
    this.#hash = 0;
  }
}

/** True when a node ends after a child with id `hash`, the `count`-th child since the node began. */
export function endsGroup(hash: string, count: number): boolean {
  return count >= MAX_FANOUT || parseInt(hash.slice(0, 8), 16) % FANOUT === 0;
}
