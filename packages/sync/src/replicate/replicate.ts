/**
 * Live replication: keep branches of a repository in sync with a remote in
 * the background. Each round pulls then pushes every branch; rounds run at
 * once after a local commit, after each head change the server's live feed
 * announces (a plain Git server has none: rounds then run at the polling
 * interval), and after a failure with exponential backoff. Every failure
 * goes to `repo.failures` with its `SyncError` code: `unreachable`,
 * `rejected`, `conflict`, `auth`. Fire and forget, but get reminded.
 */
import { isGroveError } from '@grove/merge';
import type { Hash, Repo } from '@grove/store';
import { followHeads } from '../client/feed.js';
import type { Remote } from '../client/remote.js';
import { syncBranch } from './sync-branch.js';

/** The timer functions replication uses; inject fake ones to control time in tests. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Options of `replicate`. */
export interface ReplicateOptions {
  /** The branches to keep in sync. */
  readonly branches: readonly string[];
  /** Milliseconds between rounds when nothing happens (default 5,000): polling for plain Git servers. */
  readonly interval?: number;
  /** First retry delay after a failure and its cap, in ms; doubles each failure (default 500 and 30,000). */
  readonly backoff?: { readonly initial: number; readonly max: number };
  readonly timers?: Timers;
  /** Follow the server's live feed of head changes (default true; falls back to polling when there is none). */
  readonly follow?: boolean;
}

/** A running replication. */
export interface Replication {
  /** Asks for a round now (the remote changed); coalesces with one already running. */
  notify(): void;
  /** Resolves when no round runs or is due at once. */
  idle(): Promise<void>;
  /** Stops: no new round starts; resolves when the one running has finished. */
  stop(): Promise<void>;
  /** Failures in a row (0 after a clean round). */
  readonly failures: number;
}

/**
 * Starts replicating `options.branches` of `repo` with `remote`; the first
 * round runs at once.
 * @example
 * const replication = replicate(repo, Remote.http('origin', url), { branches: ['main'] });
 * repo.failures.subscribe((f) => console.error(f.message));
 * await replication.stop();
 */
export function replicate(repo: Repo, remote: Remote, options: ReplicateOptions): Replication {
  const timers = options.timers ?? { setTimeout: (f, ms) => setTimeout(f, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
  const interval = options.interval ?? 5000;
  const { initial, max } = options.backoff ?? { initial: 500, max: 30_000 };
  let stopped = false;
  let failures = 0;
  let timer: unknown;
  let running: Promise<void> | undefined;
  let again = false;

  const report = (branch: string, error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    repo.failures.report({ source: 'replicate', branch, error, at: repo.clock(), message: `replicating ${branch} with ${remote.url}: ${message}` });
  };
  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer !== undefined) timers.clearTimeout(timer);
    timer = timers.setTimeout(() => {
      timer = undefined;
      start();
    }, ms);
  };
  const round = async () => {
    let failed = false;
    for (const branch of options.branches) {
      if (stopped) return;
      try {
        await syncBranch(repo, remote, branch);
      } catch (error) {
        failed = true;
        report(branch, error);
      }
    }
    failures = failed ? failures + 1 : 0;
    schedule(failed ? Math.min(max, initial * 2 ** (failures - 1)) : interval);
  };
  const start = () => {
    if (stopped) return;
    if (running !== undefined) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        await round();
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
  };
  const feeds = new AbortController();
  const follow = (branch: string, from: Hash | undefined) => {
    if (stopped) return;
    followHeads(remote, branch, start, { ...(from === undefined ? {} : { from }), signal: feeds.signal }).then(
      (last) => void (stopped || timers.setTimeout(() => follow(branch, last), initial)),
      (error: unknown) => {
        if (isGroveError(error) && error.code === 'not-found' && from !== undefined) return follow(branch, undefined); // the server lost that commit
        if (isGroveError(error) && (error.code === 'not-found' || error.code === 'unsupported')) return; // no feed: poll
        if (stopped) return;
        report(branch, error);
        timers.setTimeout(() => follow(branch, from), max);
      },
    );
  };
  const unsubscribe = options.branches.map((b) => repo.onRefMoved(`refs/heads/${b}`, start));
  // The feed starts from what we last fetched, so a change made before it connects is not missed.
  const tracking = (b: string) => repo.backend.refs.read(`refs/remotes/${remote.name}/${b}`);
  if (options.follow ?? true) for (const b of options.branches) void tracking(b).then((from) => follow(b, from));
  start();
  return {
    notify: start,
    idle: async () => {
      while (running !== undefined) await running;
    },
    async stop() {
      stopped = true;
      feeds.abort();
      for (const u of unsubscribe) u();
      if (timer !== undefined) timers.clearTimeout(timer);
      await running;
    },
    get failures() {
      return failures;
    },
  };
}
