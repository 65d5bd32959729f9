/** Small filesystem helpers shared by the Git backend: error codes, temp names, bounded parallelism. */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { StoreError } from '../../errors.js';

/** The `code` of a Node system error (`ENOENT`, `EEXIST`...), or undefined. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

/**
 * A Node system error (it has a `code`) as an `io-error` `StoreError` naming
 * the file and what we were doing; any other error is returned as it is.
 */
export function ioError(error: unknown, action: string): unknown {
  const code = errorCode(error);
  if (code === undefined || error instanceof StoreError) return error;
  const file = (error as { path?: unknown }).path;
  const where = typeof file === 'string' ? file : 'a repository file';
  return new StoreError(
    'io-error',
    `cannot ${action}: ${code} on ${where}; check that the repository is writable and the disk has room, then retry`,
    typeof file === 'string' ? { file } : {},
    { cause: error },
  );
}

/** Codes meaning "no file at this path" (missing, or a directory or file in the way). */
const ABSENT = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

/** True when `error` says there is no regular file at the path. */
export function isAbsent(error: unknown): boolean {
  return ABSENT.has(errorCode(error) ?? '');
}

/** The file's bytes, or undefined when there is no file at `path`. */
export async function readIfPresent(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if (isAbsent(error)) return undefined;
    throw error;
  }
}

/** The file's bytes, or undefined when it does not exist; synchronous, for small files. */
export function readIfPresentSync(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    if (isAbsent(error)) return undefined;
    throw error;
  }
}

/** A unique file name starting with `prefix` (Git's `tmp_obj_`, `tmp_pack_`... are ignored by fsck and gc'd). */
export function tempName(prefix: string): string {
  return `${prefix}${randomBytes(8).toString('hex')}`;
}

/**
 * Runs `task` on every item with at most `limit` in flight. After a failure
 * no new task starts; it rejects with the first failure once the tasks in
 * flight have settled, so nothing keeps writing after it returns.
 */
export async function forEachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      try {
        await task(items[next++]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failure !== undefined) throw failure.reason;
}
