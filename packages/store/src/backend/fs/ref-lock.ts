/**
 * Git's lock protocol for refs and `packed-refs`: `<file>.lock` created
 * exclusively, written, then renamed over `<file>`; removed to give up.
 * Git itself fails at once on a held lock; we retry for a moment.
 */
import { mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorCode } from './fs-util.js';

/** How long to wait for another writer's lock before reporting a lost race. */
const LOCK_WAIT_MS = 100;

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
   * with a short random backoff while someone else holds it; undefined when
   * it stays held. Errors of `mkdir` (a file where a directory should be)
   * propagate.
   */
  static async acquire(path: string): Promise<LockFile | undefined> {
    const deadline = Date.now() + LOCK_WAIT_MS;
    for (let backoff = 1; ; backoff = Math.min(backoff * 2, 16)) {
      try {
        return new LockFile(path, await open(`${path}.lock`, 'wx'));
      } catch (error) {
        const code = errorCode(error);
        if (code === 'ENOENT') await mkdir(dirname(path), { recursive: true });
        else if (code !== 'EEXIST') throw error;
        if (Date.now() >= deadline) return undefined;
        if (code === 'EEXIST') await sleep(backoff * (0.5 + Math.random()));
      }
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
