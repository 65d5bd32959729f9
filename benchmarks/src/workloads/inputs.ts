/** Small helpers for building inputs: Git's object framing, varied inputs for timed loops, size labels. */

/**
 * Git's framing of an object, `<type> <length>\0` then the payload, written
 * independently of the store so raw SHA-1 peers hash the same bytes.
 */
export function frame(type: 'blob' | 'tree', payload: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${type} ${payload.length}\0`), payload]);
}

/** A function returning the items in turn, forever: a timed loop that never repeats one input back to back. */
export function cycle<T>(items: readonly T[]): () => T {
  let i = 0;
  return () => items[(i = (i + 1) % items.length)]!;
}

/** `1k`, `100k` or the plain number, for case and suite names. */
export function sizeLabel(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}
