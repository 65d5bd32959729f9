/**
 * A merge waiting for its conflicts to be resolved, kept in the Git
 * directory as `GROVE_MERGE` (Git keeps `MERGE_HEAD` there): the branch,
 * both commits, the entries in conflict and the resolutions given so far.
 * One at a time per repository, as in Git.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatPath, type Conflict } from '@grove/merge';
import { entryPathOf, type Hash, type Path, type Repo } from '@grove/store';
import { CliError } from './exit.js';

/** How one entry is resolved: a side, or a value (its type tag and the bytes given, in base64). */
export type PendingResolution = { readonly take: 'ours' | 'theirs' } | { readonly tag: string; readonly base64: string };

/** A merge left pending by its conflicts. */
export interface PendingMerge {
  readonly branch: string;
  /** FROM as given: a branch name or a commit id. */
  readonly from: string;
  readonly ours: Hash;
  readonly theirs: Hash;
  /** The entries in conflict (see `entryPathOf`), slash-separated. */
  readonly entries: readonly string[];
  /** Resolutions by entry path. */
  readonly resolutions: Readonly<Record<string, PendingResolution>>;
}

function file(repo: Repo): string {
  const dir = repo.backend.dir;
  if (dir === undefined) throw new CliError('this repository is not on disk, so it cannot keep a pending merge');
  return join(dir, 'GROVE_MERGE');
}

/** The pending merge of `repo`, or undefined when there is none. */
export async function readPending(repo: Repo): Promise<PendingMerge | undefined> {
  try {
    return JSON.parse(await readFile(file(repo), 'utf8')) as PendingMerge;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The pending merge of `repo`; a `CliError` saying how to start one when there is none. */
export async function requirePending(repo: Repo): Promise<PendingMerge> {
  const pending = await readPending(repo);
  if (pending === undefined) throw new CliError('no merge is pending; a grove merge FROM that conflicts starts one');
  return pending;
}

/** Records `pending`, replacing any other. */
export async function writePending(repo: Repo, pending: PendingMerge): Promise<void> {
  await writeFile(file(repo), `${JSON.stringify(pending, null, 2)}\n`);
}

/** Drops the pending merge, if any. */
export async function clearPending(repo: Repo): Promise<void> {
  await rm(file(repo), { force: true });
}

/** The entry that holds the value at `path` in the merge of `ours` and `theirs`. */
export async function entryOf(repo: Repo, ours: Hash, theirs: Hash, path: Path): Promise<string> {
  return formatPath(await entryPathOf(repo, [await repo.commitTree(ours), await repo.commitTree(theirs)], path));
}

/** The entries of `conflicts`, once each, in order. */
export async function conflictEntries(repo: Repo, ours: Hash, theirs: Hash, conflicts: readonly Conflict[]): Promise<string[]> {
  return [...new Set(await Promise.all(conflicts.map((c) => entryOf(repo, ours, theirs, c.path))))];
}

const covers = (resolved: string, entry: string) => resolved === '' || entry === resolved || entry.startsWith(`${resolved}/`);

/** The entries of `pending` that no resolution covers yet. */
export function unresolved(pending: PendingMerge): string[] {
  return pending.entries.filter((e) => !Object.keys(pending.resolutions).some((r) => covers(r, e)));
}

/** Whether resolving `entry` settles at least one conflict of `pending`. */
export function inConflict(pending: PendingMerge, entry: string): boolean {
  return pending.entries.some((e) => covers(entry, e));
}
