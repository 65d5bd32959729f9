/** Walks the history of each branch: every reachable commit, tree and blob must be stored and read back. */
import type { Hash } from '../objects/hash.js';
import type { Repo } from '../repo.js';
import type { Budget } from './budget.js';
import type { Finding } from './finding.js';
import { asFinding } from './store-failure.js';

/**
 * Findings for the objects reachable from `heads` that are missing or do
 * not read back, visiting each object once and at most as many as `budget`
 * allows. A branch whose head commit is missing is named in its finding.
 * O(objects visited).
 */
export async function walkHistory(repo: Repo, heads: ReadonlyMap<string, Hash>, budget: Budget): Promise<Finding[]> {
  const findings: Finding[] = [];
  const seen = new Set<Hash>();
  for (const [ref, head] of heads) {
    const commits: Hash[] = [head];
    const trees: { hash: Hash; path: string }[] = [];
    for (let hash = commits.pop(); hash !== undefined; hash = commits.pop()) {
      if (seen.has(hash) || !budget.take()) continue;
      seen.add(hash);
      try {
        const commit = await repo.readCommit(hash);
        commits.push(...commit.parents);
        trees.push({ hash: commit.tree, path: '' });
      } catch (error) {
        const finding = asFinding(error, { ref, hash });
        findings.push(hash === head ? { ...finding, message: `branch ${ref} points at commit ${hash}, which does not read back: ${finding.message}` } : finding);
      }
    }
    for (let item = trees.pop(); item !== undefined; item = trees.pop()) {
      if (seen.has(item.hash) || !budget.take()) continue;
      seen.add(item.hash);
      try {
        for (const [name, child] of await repo.tree(item.hash).entries()) {
          const path = item.path === '' ? name : `${item.path}/${name}`;
          if (child.kind === 'tree') trees.push({ hash: child.tree.hash, path });
          else if (child.kind === 'blob' && !seen.has(child.hash) && budget.take()) {
            seen.add(child.hash);
            if (!(await repo.backend.objects.has(child.hash))) {
              findings.push({ kind: 'missing-object', ref, path, hash: child.hash, message: `${path} on branch ${ref} names blob ${child.hash}, which is not stored; fetch it from a replica that has it` });
            }
          }
        }
      } catch (error) {
        findings.push(asFinding(error, { ref, hash: item.hash, ...(item.path === '' ? {} : { path: item.path }) }));
      }
    }
  }
  return findings;
}
