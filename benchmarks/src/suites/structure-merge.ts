/**
 * Merge of two versions of a sharded set or map that changed `changes`
 * entries each, in a large structure against the same in a small one.
 * Each timed merge starts from the two commit ids (`repo.mergeCommits`:
 * common ancestor, tree merge, the structure's merge reading shards
 * lazily, saving the merged shards) and hashes the merged tree, as a merge
 * commit would. Runs after the first read shards from the repository's
 * decoded-node cache, as a replica merging recent versions does; the cold
 * cost (a fresh `Repo`) is measured by `structures-scale.ts`. Target: cost
 * in the large structure at most 3x the small.
 */
import { Repo } from '@grove/store';
import type { Suite, Tier } from '../harness/suite.js';
import { fakeClock } from '../workloads/open-repo.js';
import { mergedContentHash, structureVersions, type StructureKind, type StructureVersions } from '../workloads/structure-versions.js';

export interface StructureMergeSizes {
  readonly seed: number;
  readonly tier: Tier;
  readonly kind: StructureKind;
  readonly small: number;
  readonly large: number;
  readonly changes: number;
}

const label = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1000 ? `${n / 1000}k` : String(n));

export function structureMergeSuite({ seed, tier, kind, small, large, changes }: StructureMergeSizes): Suite {
  const caseOf = (n: number) => `merge ${changes}+${changes} changes, ${label(n)}-entry ${kind}`;
  let repo: Repo;
  let versions: { small: StructureVersions; large: StructureVersions };
  const merge = async (v: StructureVersions) => {
    const m = await repo.mergeCommits(v.ours.hash, v.theirs.hash);
    void m.tree.hash;
    return m;
  };
  return {
    name: `structure-merge-${kind}-${label(large)}`,
    tier,
    unit: 'merges',
    async setup() {
      repo = Repo.memory(fakeClock());
      versions = { small: await structureVersions(repo, kind, small, changes, seed), large: await structureVersions(repo, kind, large, changes, seed + 1) };
    },
    async check() {
      for (const v of [versions.small, versions.large]) {
        const m = await merge(v);
        if (m.conflicts.length > 0 || m.lcas.join() !== v.base.hash) throw new Error(`${label(v.n)}: ${m.conflicts.length} conflicts, ancestors ${m.lcas.join()}`);
        if ((await mergedContentHash(repo, kind, m.tree)) !== v.mergedHash) throw new Error(`${label(v.n)}: the stored merge differs from the in-memory merge`);
      }
    },
    cases: [
      { name: caseOf(small), kind: 'async', fn: () => merge(versions.small) },
      { name: caseOf(large), kind: 'async', fn: () => merge(versions.large) },
    ],
    anchor: caseOf(small),
    target: { case: caseOf(large), measure: 'cost', direction: 'at-most', value: 3, description: `${kind}: merge cost with ${label(large)} entries vs ${label(small)}` },
  };
}
