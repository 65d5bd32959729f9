/** `fsck`: checks a repository's refs, history, values and lock files, and reports the problems as data. */
import type { Repo } from '../repo.js';
import { Budget } from './budget.js';
import { DEFAULT_LOCK_AGE_MS, DEFAULT_MAX_OBJECTS, type Finding, type FsckOptions, type FsckReport } from './finding.js';
import { scanLocks } from './locks.js';
import { readHeads } from './refs.js';
import { checkValues } from './values.js';
import { walkHistory } from './walk.js';

/**
 * Checks `repo`, in this order: every branch resolves to a stored commit
 * and its history (commits, trees, blobs) is stored and reads back; every
 * typed value at each branch head reads back and is stored canonically;
 * no lock file is left under `refs/` or beside `packed-refs` (with
 * `fixLocks`, those at least `lockAgeMs` old are removed instead). Damaged
 * data is a finding; only errors that stop the check itself (unreadable
 * directories, I/O errors) throw. A memory repository has no lock files.
 * O(objects reachable), bounded by `maxObjects`.
 * @example
 * const { findings } = await fsck(await Repo.open(dir));
 * for (const f of findings) console.log(`${f.kind}: ${f.message}`);
 */
export async function fsck(repo: Repo, options: FsckOptions = {}): Promise<FsckReport> {
  const budget = new Budget(options.maxObjects ?? DEFAULT_MAX_OBJECTS);
  const { heads, findings } = await readHeads(repo);
  findings.push(...(await walkHistory(repo, heads, budget)));
  findings.push(...(await checkValues(repo, heads, budget)));
  const gitDir = repo.backend.dir;
  if (gitDir === undefined) return { findings: distinct(findings), removedLocks: [], complete: !budget.exhausted };
  const now = (options.now ?? repo.clock)();
  const locks = await scanLocks(gitDir, options.fixLocks ? { now, removeAgeMs: options.lockAgeMs ?? DEFAULT_LOCK_AGE_MS } : { now });
  return { findings: distinct([...findings, ...locks.findings]), removedLocks: locks.removed, complete: !budget.exhausted };
}

/** `findings` without a second report of the same missing object. */
function distinct(findings: readonly Finding[]): Finding[] {
  const missing = new Set<string>();
  return findings.filter((f) => {
    if (f.kind !== 'missing-object' || f.hash === undefined) return true;
    if (missing.has(f.hash)) return false;
    missing.add(f.hash);
    return true;
  });
}
