/**
 * A read-only file handle opened on first use, shared by concurrent reads,
 * and closed after a moment without readers: reads of a pack cost one
 * positioned read, yet no handle outlives its use or leaks when the store
 * is dropped (the backend has no `close`).
 */
import { open, type FileHandle } from 'node:fs/promises';

/** How long an unused handle stays open. */
const IDLE_MS = 1000;

/** An open file and its size. */
export interface OpenFile {
  readonly handle: FileHandle;
  readonly size: number;
}

export class SharedHandle {
  #file: Promise<OpenFile> | undefined;
  #users = 0;
  #idle: NodeJS.Timeout | undefined;

  constructor(readonly path: string) {}

  /** Runs `task` with the open file; rejects with the `open` error (ENOENT when the file is gone). */
  async use<T>(task: (file: OpenFile) => Promise<T>): Promise<T> {
    clearTimeout(this.#idle);
    this.#users++;
    try {
      this.#file ??= openFile(this.path).catch((error: unknown) => {
        this.#file = undefined;
        throw error;
      });
      return await task(await this.#file);
    } finally {
      if (--this.#users === 0) this.#idle = setTimeout(() => void this.#close(), IDLE_MS).unref();
    }
  }

  async #close(): Promise<void> {
    const file = this.#file;
    this.#file = undefined;
    await file?.then((f) => f.handle.close()).catch(() => undefined); // a failed open has nothing to close
  }
}

async function openFile(path: string): Promise<OpenFile> {
  const handle = await open(path, 'r');
  try {
    return { handle, size: (await handle.stat()).size };
  } catch (error) {
    await handle.close();
    throw error;
  }
}
