/** A repository for a suite on either backend, with a fake clock so commits are deterministic. */
import { Repo, type RepoOptions } from '@grove/store';
import { makeTempDir } from './temp-dir.js';

export type BackendKind = 'memory' | 'disk';

/** Options with a clock that moves one second per call from a fixed instant. */
export function fakeClock(): RepoOptions {
  let now = Date.UTC(2025, 0, 1);
  return { clock: () => (now += 1000) };
}

/** A new repository in memory, or a new bare Git repository in a temp directory (`dir`, for teardown). */
export async function scratchRepo(kind: BackendKind, name: string): Promise<{ repo: Repo; dir: string | undefined }> {
  if (kind === 'memory') return { repo: Repo.memory(fakeClock()), dir: undefined };
  const dir = await makeTempDir(name);
  return { repo: await Repo.open(dir, fakeClock()), dir };
}
