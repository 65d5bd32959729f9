/**
 * Git's lock protocol for refs and `packed-refs`: `<file>.lock` created
 * exclusively, written, then renamed over `<file>`; removed to give up.
 * Like Git (`core.filesRefLockTimeout`), we wait a moment for a held lock:
 * a lock that changed hands meanwhile is a lost race; one that stayed the
 * same file and is older than `STALE_MS` is reported as `locked` (likely
 * left by a crash) instead of making callers retry in vain.
 */
import { mkdir, open, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { StoreError } from '../../errors.js';
import { errorCode, isAbsent } from './fs-util.js';

/** How long to wait for another writer's lock: Git's default `core.filesRefLockTimeout`. */
const LOCK_WAIT_MS = 100;
/** A lock file untouched this long is not a live writer's (Git's `packed-refs` timeout); a busy machine may hold one for a while. */
const STALE_MS = 1000;

/** Time as the lock protocol sees it; tests inject one to age locks and wait without sleeping. */
export interface Clock {
  /** Milliseconds since the epoch, like `Date.now()`. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

/** The real clock. */
export const SYSTEM_CLOCK: Clock = { now: () => Date.now(), sleep: (ms) => sleep(ms) };

/** Who holds a lock file: its identity (device, inode, change time) and when it was written. */
interface Holder {
  readonly id: string;
  readonly mtimeMs: number;
}

/** A held `<path>.lock`: commit it with the new content, or release it. */
export class LockFile {
  #handle: FileHandle | undefined;

  private constructor(
    readonly path: string,
    handle: FileHandle,
  ) {
    this.#handle = handle;
  }

  get lockPath(): string {
    return `${this.path}.lock`;
  }

  /**
   * Takes the lock on `path`, creating missing parent directories, retrying
   * with a short random backoff while someone else holds it. Returns
   * undefined when other writers kept taking it (a lost race); throws
   * `locked` when one lock file stayed in place the whole wait and is at
   * least `STALE_MS` old (waiting up to that long for it). Errors of
   * `mkdir` (a file where a directory should be) propagate.
   */
  static async acquire(path: string, clock: Clock = SYSTEM_CLOCK): Promise<LockFile | undefined> {
    const lockPath = `${path}.lock`;
    const start = clock.now();
    let first: Holder | undefined;
    let changedHands = false;
    for (let backoff = 1; ; backoff = Math.min(backoff * 2, 16)) {
      try {
        return new LockFile(path, await open(lockPath, 'wx'));
      } catch (error) {
        const code = errorCode(error);
        if (code === 'ENOENT') {
          await mkdir(dirname(path), { recursive: true });
          if (clock.now() - start < LOCK_WAIT_MS) continue;
          return undefined; // the directory keeps vanishing: report a lost race
        }
        if (code !== 'EEXIST') throw error;
      }
      const holder = await holderOf(lockPath);
      first ??= holder;
      if (holder === undefined || holder.id !== first?.id) changedHands = true;
      const waited = clock.now() - start;
      if (waited >= LOCK_WAIT_MS) {
        if (changedHands || first === undefined) return undefined;
        const age = clock.now() - first.mtimeMs;
        if (age >= STALE_MS || waited >= STALE_MS) throw stuck(path, lockPath, age);
      }
      await clock.sleep(backoff * (0.5 + Math.random()));
    }
  }

  /** Writes `content` to the lock file and renames it over the locked file. */
  async commit(content: string): Promise<void> {
    const handle = this.#handle;
    if (handle === undefined) throw new Error(`lock ${this.lockPath} is no longer held`);
    await handle.writeFile(content);
    await handle.close();
    await rename(this.lockPath, this.path);
    this.#handle = undefined;
  }

  /** Gives the lock up, unless it was committed; safe to call in `finally`. */
  async release(): Promise<void> {
    const handle = this.#handle;
    if (handle === undefined) return;
    this.#handle = undefined;
    await handle.close().catch(() => undefined); // already closed when a commit failed
    await unlink(this.lockPath).catch((error: unknown) => {
      if (errorCode(error) !== 'ENOENT') throw error;
    });
  }
}

/** The lock file's holder, or undefined when it is gone. */
async function holderOf(lockPath: string): Promise<Holder | undefined> {
  try {
    const s = await stat(lockPath, { bigint: true });
    return { id: `${s.dev}:${s.ino}:${s.ctimeNs}`, mtimeMs: Number(s.mtimeMs) };
  } catch (error) {
    if (isAbsent(error)) return undefined;
    throw error;
  }
}

/** The `locked` error for a lock file that did not move while we waited, with Git's advice. */
function stuck(path: string, lockPath: string, ageMs: number): StoreError {
  const age = ageMs < 2000 ? `${Math.max(0, Math.round(ageMs))} ms` : `${Math.round(ageMs / 1000)} s`;
  return new StoreError(
    'locked',
    `cannot update ${path}: its lock ${lockPath} exists (written ${age} ago); another Grove or git process seems to be writing it. If none is (one may have crashed), remove ${lockPath} and try again`,
    { file: lockPath, ageMs },
  );
}
