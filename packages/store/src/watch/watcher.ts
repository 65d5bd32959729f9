/**
 * Watching a branch: each head change is delivered as the diff between two
 * commit ids. Deliveries never overlap; a burst of moves while a callback
 * runs is delivered as one diff, so `from` always equals the previous `to`.
 */
import type { Hash } from '../objects/hash.js';
import type { Path } from '../objects/names.js';
import { isUnder } from '../diff/diff.js';
import type { Change, RepoContext } from '../repo-context.js';

/** One delivery: the branch moved from `from` (undefined: it did not exist) to `to`. */
export interface HeadChange {
  readonly branch: string;
  readonly from: Hash | undefined;
  readonly to: Hash | undefined;
  /** The changes between the two commits, limited to the watched path. */
  readonly changes: readonly Change[];
}

export interface WatchOptions {
  /** Resume: deliver everything since this commit first. Default: only changes from now on. */
  readonly from?: Hash;
  /** Deliver only changes at or below this path (moves that change nothing there are skipped). */
  readonly path?: Path;
}

export interface Watcher {
  /** Stops deliveries; one in progress finishes. */
  stop(): void;
  /** Resolves once every head move seen so far has been delivered. */
  idle(): Promise<void>;
  /** The last commit delivered (the resume point). */
  readonly position: Hash | undefined;
}

export function watchBranch(repo: Pick<RepoContext, 'backend' | 'diff' | 'failures' | 'clock' | 'onRefMoved'>, branch: string, listener: (change: HeadChange) => unknown, options: WatchOptions = {}): Watcher {
  const ref = `refs/heads/${branch}`;
  const path = options.path ?? [];
  let position: Hash | undefined = options.from;
  let started = options.from !== undefined;
  let stopped = false;
  let again = false;
  let running: Promise<void> = Promise.resolve();

  const deliver = async () => {
    do {
      again = false;
      const head = await repo.backend.refs.read(ref);
      if (!started) {
        started = true;
        position = head;
        continue;
      }
      if (head === position || stopped) continue;
      const changes = (await repo.diff(position, head)).filter((c) => isUnder(c.path, path));
      const change: HeadChange = { branch, from: position, to: head, changes };
      position = head;
      if (changes.length === 0 && path.length > 0) continue;
      try {
        await listener(change);
      } catch (error) {
        repo.failures.report({ source: 'watch', branch, error, at: repo.clock(), message: `a watcher of ${branch} threw on ${change.from ?? 'nothing'}..${change.to}: ${String(error)}` });
      }
    } while (again && !stopped);
  };
  let busy = false;
  const wake = () => {
    if (stopped) return;
    if (busy) {
      again = true;
      return;
    }
    busy = true;
    running = deliver()
      .catch((error: unknown) => repo.failures.report({ source: 'watch', branch, error, at: repo.clock(), message: `watching ${branch} failed: ${String(error)}` }))
      .finally(() => {
        busy = false;
      });
  };
  const unsubscribe = repo.onRefMoved(ref, wake);
  wake();
  return {
    stop() {
      stopped = true;
      unsubscribe();
    },
    idle: async () => {
      while (busy) await running;
    },
    get position() {
      return position;
    },
  };
}
