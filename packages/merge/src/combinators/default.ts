/** `idempotent` and `defaultMerge`: the merges of values that do not combine. */
import { equalsByEncoding, mergeChild } from '../internal/child.js';
import { conflict, formatPath, type Codec, type Mergeable } from '../mergeable.js';

/**
 * Lifts the trivial cases around `inner`: equal sides give that value, an
 * unchanged side gives the other; only true divergence reaches `inner.merge`.
 * Merge: `x` if ours = theirs = x; theirs if ours = base; ours if theirs = base; else inner.
 * Cost: up to three `equals` calls plus the inner merge.
 */
export function idempotent<T>(inner: Mergeable<T>): Mergeable<T> {
  return {
    tag: inner.tag,
    encode: inner.encode,
    decode: inner.decode,
    equals: inner.equals,
    merge(args) {
      if (inner.equals(args.ours, args.theirs)) return { ok: true, value: args.ours };
      return mergeChild(inner, args);
    },
  };
}

/** Options of `defaultMerge`. */
export interface DefaultMergeOptions<T> {
  /** The type tag; defaults to the codec's. */
  readonly tag?: string;
  /** Equality; defaults to equal canonical encodings. */
  readonly equals?: (a: T, b: T) => boolean;
}

/**
 * Git's merge for opaque values: a change on one side wins; the same change
 * on both sides is taken once; different changes on both sides conflict
 * (`both-modified`, or `both-added` without a common ancestor).
 * @example
 * const text = defaultMerge(codecs.string);
 * text.merge({ base: 'a', ours: 'b', theirs: 'a' }); // { ok: true, value: 'b' }
 */
export function defaultMerge<T>(codec: Codec<T>, options: DefaultMergeOptions<T> = {}): Mergeable<T> {
  const tag = options.tag ?? codec.tag;
  return idempotent({
    tag,
    encode: codec.encode,
    decode: codec.decode,
    equals: options.equals ?? equalsByEncoding(codec.encode),
    merge: (args) =>
      args.base === undefined
        ? conflict('both-added', args, `${formatPath(args.path ?? [])}: added on both sides with different ${tag} values; pick one`)
        : conflict('both-modified', args, `${formatPath(args.path ?? [])}: changed on both sides to different ${tag} values; pick one`),
  });
}
