/** Scratch directories for disk workloads, removed by the suite's teardown. */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Linux's memory-backed file system, where inputs can be read back without touching the disk. */
const RAM = '/dev/shm';

/** A new empty directory under the system's temp directory (on disk). */
export function makeTempDir(name: string): Promise<string> {
  return mkdtemp(join(tmpdir(), `grove-bench-${name}-`));
}

/** A new empty directory in memory (`/dev/shm`) where there is one, else on disk. */
export function makeRamDir(name: string): Promise<string> {
  return mkdtemp(join(existsSync(RAM) ? RAM : tmpdir(), `grove-bench-${name}-`));
}

export function removeDir(dir: string | undefined): Promise<void> {
  return dir === undefined ? Promise.resolve() : rm(dir, { recursive: true, force: true });
}

/** The path `root/name`, emptied first: each timed run gets a new directory, and old runs do not pile up. */
export async function freshDir(root: string, name: string): Promise<string> {
  const dir = join(root, name);
  await removeDir(dir);
  return dir;
}
