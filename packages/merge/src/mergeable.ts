/**
 * The merge contract: a value type is a `Mergeable<T>`, a canonical codec
 * plus equality plus a three-way merge that returns conflicts as data.
 */

/** Where a value sits: segments from the root (a tree path, record fields, map keys). */
export type Path = readonly string[];

/** The three versions a merge sees. `base` is `undefined` when the histories share no ancestor. */
export interface MergeArgs<T> {
  readonly base: T | undefined;
  readonly ours: T;
  readonly theirs: T;
  /** Where the merge happens; conflicts carry it. Empty at the root. */
  readonly path?: Path;
}

/**
 * The kinds of conflict, after Git's categories:
 * - `both-modified`: both sides changed a value in different ways;
 * - `both-added`: no common ancestor and the sides differ;
 * - `deleted-by-us` / `deleted-by-theirs`: one side removed what the other changed;
 * - `type-mismatch`: the sides hold values of different types;
 * - `unknown-type`: no merge is registered for the value's type;
 * - `invalid-value`: a side holds bytes its type cannot decode.
 */
export type ConflictKind =
  | 'both-modified'
  | 'both-added'
  | 'deleted-by-us'
  | 'deleted-by-theirs'
  | 'type-mismatch'
  | 'unknown-type'
  | 'invalid-value';

/** One conflict: data a caller inspects, resolves, or commits as is. */
export interface Conflict {
  readonly kind: ConflictKind;
  readonly path: Path;
  readonly base?: unknown;
  readonly ours?: unknown;
  readonly theirs?: unknown;
  /** A sentence for a person: what clashed and what to do. */
  readonly message: string;
}

/**
 * Something a successful merge wants its caller to know: a queue element
 * that both sides popped (delivered twice), a tie broken by a rule.
 */
export interface MergeNote {
  readonly kind: string;
  readonly path: Path;
  readonly message: string;
  readonly data?: unknown;
}

/**
 * The outcome of a merge: a value (with notes, if any), or the conflicts
 * that prevent one. Never thrown.
 */
export type MergeResult<T> =
  | { readonly ok: true; readonly value: T; readonly notes?: readonly MergeNote[] }
  | { readonly ok: false; readonly conflicts: readonly Conflict[] };

/** Bytes to values and back. `encode` is canonical: equal values give equal bytes. */
export interface Codec<T> {
  /** Names the byte format, e.g. `string` or `grove/counter@1`. */
  readonly tag: string;
  encode(value: T): Uint8Array;
  /** Throws `DecodeError` (with the offset) on bytes that are not a canonical encoding. */
  decode(bytes: Uint8Array): T;
}

/**
 * A value type that merges itself.
 * @example
 * const r = counter.merge({ base: 1n, ours: 3n, theirs: 5n }); // { ok: true, value: 7n }
 */
export interface Mergeable<T> extends Codec<T> {
  /** Its `tag` is stable, such as `grove/counter@1`: stores use it to pick the merge. */
  equals(a: T, b: T): boolean;
  merge(args: MergeArgs<T>): MergeResult<T>;
}

/** A successful merge result. */
export function ok<T>(value: T): MergeResult<T> {
  return { ok: true, value };
}

/** A failed merge result with one conflict. */
export function conflict<T>(
  kind: ConflictKind,
  args: MergeArgs<unknown>,
  message: string,
): MergeResult<T> {
  const { base, ours, theirs } = args;
  return { ok: false, conflicts: [{ kind, path: args.path ?? [], base, ours, theirs, message }] };
}

/** The path of a child `segment` below `path`. */
export function childPath(path: Path | undefined, segment: string): Path {
  return path === undefined ? [segment] : [...path, segment];
}

/** Shows a path to a person: `a/b/c`, or `(root)` when empty. */
export function formatPath(path: Path): string {
  return path.length === 0 ? '(root)' : path.join('/');
}
