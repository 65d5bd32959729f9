/** The commits a client tells a server it has: its tips and their recent ancestors. */
import type { Hash, Repo } from '@grove/store';

/** Ancestors sent besides the tips, so a server finds common history behind local-only commits. */
const MAX_HAVES = 256;

/**
 * Branch heads and the remote's tracking refs first, then their ancestors
 * newest first, up to 256 commits. O(MAX_HAVES) commit reads.
 */
export async function localHaves(repo: Repo, remoteName: string): Promise<Hash[]> {
  const tips = [...(await repo.backend.refs.list(`refs/remotes/${remoteName}/`)).values(), ...(await repo.backend.refs.list('refs/heads/')).values()];
  const haves = new Set<Hash>();
  const queue = [...new Set(tips)];
  while (queue.length > 0 && haves.size < MAX_HAVES) {
    const hash = queue.shift()!;
    if (haves.has(hash)) continue;
    haves.add(hash);
    queue.push(...(await repo.readCommit(hash)).parents);
  }
  return [...haves];
}
