/** What `fsck` reports: findings as data, and the options that bound and steer a check. */
import type { Hash } from '../objects/hash.js';

/**
 * The kinds of problem `fsck` finds:
 * - `corrupt-ref`: a ref file or `packed-refs` Git would refuse too;
 * - `missing-object`: a branch, commit or tree names an object that is not stored;
 * - `corrupt-object`: a stored object that does not read back (bad hash, truncated, wrong type);
 * - `unknown-type`: a value whose type tag this process does not know;
 * - `corrupt-value`: a value its own type cannot decode;
 * - `non-canonical`: a value that reads back but is not stored as Grove writes it;
 * - `lock`: a lock file left under `refs/` or beside `packed-refs`.
 */
export type FindingKind = 'corrupt-ref' | 'missing-object' | 'corrupt-object' | 'unknown-type' | 'corrupt-value' | 'non-canonical' | 'lock';

/** One problem: its kind, where it is (whichever of ref, path, hash, file apply) and a message that says what to do. */
export interface Finding {
  readonly kind: FindingKind;
  readonly message: string;
  /** The branch it was found on. */
  readonly ref?: string;
  /** The value's path on that branch, slash-separated. */
  readonly path?: string;
  readonly hash?: Hash;
  /** A lock file, relative to the Git directory. */
  readonly file?: string;
  /** A lock file's age in milliseconds. */
  readonly ageMs?: number;
}

/** A lock file `fsck` removed with `fixLocks`. */
export interface RemovedLock {
  readonly file: string;
  readonly ageMs: number;
}

/** How far and how `fsck` checks. */
export interface FsckOptions {
  /** Objects (commits, trees, blobs) and values to visit at most, over all branches (default 1,000,000). */
  readonly maxObjects?: number;
  /** Remove lock files at least `lockAgeMs` old (default false). */
  readonly fixLocks?: boolean;
  /** How old a lock file must be for `fixLocks` to remove it (default 10 minutes). */
  readonly lockAgeMs?: number;
  /** Milliseconds since the epoch, to age lock files (default: the repository's clock). */
  readonly now?: () => number;
}

/** What `fsck` found. `complete` is false when the `maxObjects` bound stopped the walk early. */
export interface FsckReport {
  readonly findings: readonly Finding[];
  readonly removedLocks: readonly RemovedLock[];
  readonly complete: boolean;
}

/** Default `maxObjects`. */
export const DEFAULT_MAX_OBJECTS = 1_000_000;
/** Default `lockAgeMs`: ten minutes. */
export const DEFAULT_LOCK_AGE_MS = 10 * 60 * 1000;
