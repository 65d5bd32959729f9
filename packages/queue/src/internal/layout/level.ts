/**
 * Content-defined node boundaries. Every element gets a level from a hash
 * of its stamp: level >= k with probability fanout^-k. A node of level k
 * ends after an element of level > k, so boundaries depend on the elements
 * alone, never on the order of the edits that produced them.
 */

/** FNV-1a over the text's code units, then murmur3's finalizer so the low bits mix well. */
export function stampHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The level of an element whose stamp hashes to `hash`: trailing zero bits, `bits` per level. */
export function levelOf(hash: number, bits: number): number {
  const zeros = hash === 0 ? 32 : 31 - Math.clz32(hash & -hash);
  return Math.floor(zeros / bits);
}
