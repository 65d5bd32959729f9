/**
 * A tiny seeded pseudo-random generator (Marsaglia's xorshift32), so every
 * generated workload is identical from run to run for a given `--seed`.
 */

export interface Random {
  /** A uniform integer in [0, 2^32). */
  uint32(): number;
  /** A uniform integer in [0, n). */
  int(n: number): number;
  /** `n` pseudo-random bytes. */
  bytes(n: number): Uint8Array;
  /** `k` distinct integers from [0, n), in the order drawn. */
  distinct(k: number, n: number): number[];
}

/** A generator seeded with `seed` (any integer; 0 is mapped to a fixed non-zero state). */
export function random(seed: number): Random {
  let state = seed >>> 0 || 0x9e3779b9;
  const uint32 = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>>= 0);
  };
  const int = (n: number) => Math.floor((uint32() / 2 ** 32) * n);
  return {
    uint32,
    int,
    bytes(n) {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) out[i] = uint32() & 0xff;
      return out;
    },
    distinct(k, n) {
      if (k > n) throw new RangeError(`cannot draw ${k} distinct integers below ${n}`);
      const drawn = new Set<number>();
      while (drawn.size < k) drawn.add(int(n));
      return [...drawn];
    },
  };
}
