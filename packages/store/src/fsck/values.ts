/**
 * Reads back every typed value at the head of every branch, and checks that
 * each blob value is stored in its canonical encoding.
 */
import type { Mergeable } from '@grove/merge';
import type { Hash } from '../objects/hash.js';
import type { Path } from '../objects/names.js';
import type { Repo } from '../repo.js';
import type { Tree, TreeChild } from '../tree/tree.js';
import { isStructure } from '../values/registry.js';
import { typedBlob } from '../values/structure.js';
import type { Budget } from './budget.js';
import type { Finding, FindingKind } from './finding.js';
import { asFinding } from './store-failure.js';

const VALUE_KINDS: Readonly<Record<string, FindingKind>> = { 'unknown-type': 'unknown-type', 'corrupt-object': 'corrupt-value', 'not-found': 'missing-object' };

/**
 * Findings for the values at the heads of `heads`: `unknown-type`,
 * `corrupt-value` and `non-canonical`. Damaged commits and trees are the
 * history walk's findings, so they are skipped here (a missing value blob
 * may be found twice; `fsck` keeps one). O(values at the heads).
 */
export async function checkValues(repo: Repo, heads: ReadonlyMap<string, Hash>, budget: Budget): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const [ref, commit] of heads) {
    let root: Tree;
    try {
      root = await repo.commitTree(commit);
    } catch {
      continue; // reported by the history walk
    }
    await checkTree(repo, root, [], { ref, commit, budget, findings });
  }
  return findings;
}

interface Walk {
  readonly ref: string;
  readonly commit: Hash;
  readonly budget: Budget;
  readonly findings: Finding[];
}

async function checkTree(repo: Repo, tree: Tree, at: Path, walk: Walk): Promise<void> {
  let entries: ReadonlyMap<string, TreeChild>;
  try {
    entries = await tree.entries();
  } catch {
    return; // reported by the history walk
  }
  for (const [name, child] of entries) {
    if (!walk.budget.take()) return;
    const path = [...at, name];
    const where = { ref: walk.ref, path: path.join('/') };
    try {
      const stored = await repo.value(child, { path, commit: walk.commit });
      if (stored === undefined && child.kind === 'tree') await checkTree(repo, child.tree, path, walk);
      else if (stored !== undefined && child.kind === 'blob') await checkCanonical(repo, child.hash, stored.tag, stored.value, where, walk.findings);
    } catch (error) {
      const finding = asFinding(error, where, VALUE_KINDS);
      walk.findings.push({ ...finding, hash: child.kind === 'tree' ? child.tree.hash : child.hash });
    }
  }
}

/** A `non-canonical` finding when encoding `value` as `tag` does not give back blob `hash`. */
async function checkCanonical(repo: Repo, hash: Hash, tag: string, value: unknown, where: { ref: string; path: string }, findings: Finding[]): Promise<void> {
  const type = repo.types.get(tag);
  if (type === undefined || isStructure(type)) return;
  const canonical = typedBlob(tag, (type as Mergeable<unknown>).encode(value));
  if (canonical.hash === hash) return;
  const stored = await repo.nodes.readBlob(hash);
  const expected = canonical.pending!.payload;
  const newline = stored.length === expected.length + 1 && stored[stored.length - 1] === 0x0a && Buffer.compare(stored.subarray(0, -1), expected) === 0;
  const why = newline
    ? 'ends with a newline after its value (an editor adds one); it reads back, but Grove writes it without one'
    : `is not in the canonical encoding of a ${tag}; it reads back, but Grove would write other bytes (${canonical.hash})`;
  findings.push({
    kind: 'non-canonical',
    ...where,
    hash,
    message: `${where.path} on branch ${where.ref} (${hash}) ${why}; write the value again (grove set) to store it canonically`,
  });
}
