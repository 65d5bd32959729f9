/** The branches of a repository, each read on its own so one damaged ref does not hide the others. */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { isGroveError } from '@grove/merge';
import type { Hash } from '../objects/hash.js';
import type { Repo } from '../repo.js';
import type { Finding } from './finding.js';
import { asFinding } from './store-failure.js';

const HEADS = 'refs/heads/';

/**
 * Every branch head, by branch name, and a `corrupt-ref` finding for each
 * ref that cannot be read. Lists the refs at once; when that fails on a
 * damaged ref, reads the loose ref files under `refs/heads/` one by one,
 * so each damaged one is named.
 */
export async function readHeads(repo: Repo): Promise<{ heads: Map<string, Hash>; findings: Finding[] }> {
  try {
    const listed = await repo.backend.refs.list(HEADS);
    return { heads: new Map([...listed].map(([ref, hash]) => [ref.slice(HEADS.length), hash])), findings: [] };
  } catch (error) {
    if (!isGroveError(error) || error.code !== 'corrupt-ref') throw error;
    const findings: Finding[] = [];
    const heads = new Map<string, Hash>();
    for (const name of await looseBranches(repo.backend.dir)) {
      try {
        const hash = await repo.backend.refs.read(HEADS + name);
        if (hash !== undefined) heads.set(name, hash);
      } catch (inner) {
        findings.push(asFinding(inner, { ref: name }));
      }
    }
    if (findings.length === 0) findings.push(asFinding(error, {})); // packed-refs itself, which every read refuses
    return { heads, findings };
  }
}

/** The branch names of the loose ref files under `refs/heads/` (none without a Git directory). */
async function looseBranches(gitDir: string | undefined): Promise<string[]> {
  if (gitDir === undefined) return [];
  const files = await readdir(join(gitDir, HEADS), { recursive: true, withFileTypes: true });
  const base = join(gitDir, HEADS);
  return files
    .filter((f) => f.isFile() && !f.name.endsWith('.lock'))
    .map((f) => join(f.parentPath, f.name).slice(base.length).split('\\').join('/'))
    .sort();
}
