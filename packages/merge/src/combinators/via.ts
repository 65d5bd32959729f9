/** `via` and `withPath`: adapting an existing mergeable. */
import { childPath, type Mergeable, type Path } from '../mergeable.js';

/** A two-way mapping between a user type `A` and a mergeable representation `B`. */
export interface Bijection<A, B> {
  readonly to: (a: A) => B;
  readonly from: (b: B) => A;
}

/**
 * Merges values of `A` as their `B` representation: map the three versions
 * with `to`, merge with `m`, map back with `from`. Same bytes and tag as `m`
 * unless `tag` is given. Cost: that of `m` plus three mappings.
 * @example
 * const score = via({ to: (n: number) => BigInt(n), from: (b: bigint) => Number(b) }, counter);
 */
export function via<A, B>(bijection: Bijection<A, B>, m: Mergeable<B>, tag = m.tag): Mergeable<A> {
  const { to, from } = bijection;
  return {
    tag,
    encode: (a) => m.encode(to(a)),
    decode: (bytes) => from(m.decode(bytes)),
    equals: (a, b) => m.equals(to(a), to(b)),
    merge({ base, ours, theirs, path }) {
      const r = m.merge({ base: base === undefined ? undefined : to(base), ours: to(ours), theirs: to(theirs), path: path ?? [] });
      return r.ok ? { ...r, value: from(r.value) } : r;
    },
  };
}

/**
 * `m`, merging below `segments`: conflicts it reports carry
 * `[...path, ...segments]`, so a merge called by hand knows where it is.
 * @example
 * withPath(counter, ['stats', 'views']).merge({ base: 0n, ours: 1n, theirs: 1n });
 */
export function withPath<T>(m: Mergeable<T>, segments: Path): Mergeable<T> {
  return {
    ...m,
    merge: (args) => m.merge({ ...args, path: segments.reduce<Path>((p, s) => childPath(p, s), args.path ?? []) }),
  };
}
