/** One round of replication for one branch: pull, then push what the remote lacks. */
import type { Hash, MergeOutcome, Repo } from '@grove/store';
import { SyncError } from '../errors.js';
import { pull } from '../client/pull.js';
import { push, type PushResult } from '../client/push.js';
import type { Remote } from '../client/remote.js';

/** What one round did. */
export interface SyncRound {
  readonly merge: MergeOutcome | undefined;
  readonly push: PushResult | undefined;
  /** The local head after the round. */
  readonly head: Hash | undefined;
}

/**
 * Pulls `branch` from `remote` (merging with the types' merges), then pushes
 * it when the remote lacks local commits. Throws `conflict` (the branch is
 * untouched; resolve and write, then sync again), `rejected` (the remote
 * moved meanwhile: sync again), `unreachable` or `auth`.
 */
export async function syncBranch(repo: Repo, remote: Remote, branch: string): Promise<SyncRound> {
  const pulled = await pull(repo, remote, branch);
  if (pulled.merge?.kind === 'conflict') {
    const paths = pulled.merge.conflicts.map((c) => c.path.join('/')).join(', ');
    throw new SyncError('conflict', `pulling ${branch} from ${remote.url} conflicts at ${paths}; the local branch is unchanged: write the value you want at those paths, then sync again`, { ref: `refs/heads/${branch}` });
  }
  const head = await repo.branch(branch).head();
  const theirs = pulled.fetch.heads.get(branch);
  const pushed = head !== undefined && head !== theirs ? await push(repo, remote, branch) : undefined;
  return { merge: pulled.merge, push: pushed, head };
}
