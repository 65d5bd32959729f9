/**
 * Lock files a writer left in a Git directory: `*.lock` under `refs/` and
 * `packed-refs.lock`. A live writer holds one for milliseconds; an old one
 * was left by a crash and blocks every write of its ref.
 */
import { readdir, stat, unlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { isAbsent } from '../backend/fs/fs-util.js';
import type { Finding, RemovedLock } from './finding.js';

/** What to do with the lock files found: report them, or remove those at least `removeAgeMs` old. */
export interface LockScan {
  readonly now: number;
  /** Remove lock files at least this old; undefined removes none. */
  readonly removeAgeMs?: number;
}

/**
 * A `lock` finding for each lock file in `gitDir` that stays, and the ones
 * removed because they were at least `removeAgeMs` old. A lock that
 * vanishes while looked at (its writer finished) is neither.
 */
export async function scanLocks(gitDir: string, scan: LockScan): Promise<{ findings: Finding[]; removed: RemovedLock[] }> {
  const findings: Finding[] = [];
  const removed: RemovedLock[] = [];
  for (const path of await lockFiles(gitDir)) {
    const file = relative(gitDir, path).split(sep).join('/');
    let ageMs: number;
    try {
      ageMs = Math.max(0, Math.round(scan.now - (await stat(path)).mtimeMs));
      if (scan.removeAgeMs !== undefined && ageMs >= scan.removeAgeMs) {
        await unlink(path);
        removed.push({ file, ageMs });
        continue;
      }
    } catch (error) {
      if (isAbsent(error)) continue;
      throw error;
    }
    findings.push({
      kind: 'lock',
      file,
      ageMs,
      message: `lock file ${file} is ${ageMs} ms old: no Git or Grove writer can move its ref while it exists; if no writer is running, delete it (grove fsck --fix-locks deletes lock files older than --lock-age, 10 minutes by default)`,
    });
  }
  return { findings, removed };
}

async function lockFiles(gitDir: string): Promise<string[]> {
  const entries = await readdir(join(gitDir, 'refs'), { recursive: true, withFileTypes: true });
  const locks = entries.filter((e) => e.isFile() && e.name.endsWith('.lock')).map((e) => join(e.parentPath, e.name));
  const packed = join(gitDir, 'packed-refs.lock');
  try {
    if ((await stat(packed)).isFile()) locks.push(packed);
  } catch (error) {
    if (!isAbsent(error)) throw error;
  }
  return locks.sort();
}
