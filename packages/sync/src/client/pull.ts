/** `pull` (fetch, then merge the remote-tracking head with the types' merges) and `clone`. */
import type { MergeOptions, MergeOutcome, Repo } from '@grove/store';
import { SyncError } from '../errors.js';
import { fetch, type FetchResult, type TransferOptions } from './fetch.js';
import type { Remote } from './remote.js';

/** What a pull did: the fetch, then the merge (undefined when the remote lacks the branch). */
export interface PullResult {
  readonly fetch: FetchResult;
  readonly merge: MergeOutcome | undefined;
}

/**
 * Fetches `remote`, then merges its branch `name` into the local branch
 * `name`, each value by its type. On `conflict` the local branch is
 * untouched and the conflicts are returned.
 */
export async function pull(repo: Repo, remote: Remote, name: string, options: TransferOptions & MergeOptions = {}): Promise<PullResult> {
  const fetched = await fetch(repo, remote, options);
  const theirs = fetched.heads.get(name);
  if (theirs === undefined) return { fetch: fetched, merge: undefined };
  const merge = await repo.branch(name).merge(theirs, { message: `merge ${remote.name}/${name}`, ...options });
  return { fetch: fetched, merge };
}

/**
 * Fills the empty repository `repo` from `remote`: fetches it and creates
 * a local branch at each remote branch. Throws `bad-request` if `repo`
 * already has branches.
 */
export async function clone(repo: Repo, remote: Remote, options: TransferOptions = {}): Promise<FetchResult> {
  if ((await repo.branches()).length > 0) throw new SyncError('bad-request', 'clone needs an empty repository; pick a new directory, or fetch into this one');
  const fetched = await fetch(repo, remote, options);
  for (const [name, head] of fetched.heads) await repo.moveRef(`refs/heads/${name}`, undefined, head);
  return fetched;
}
