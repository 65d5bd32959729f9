/**
 * Merge of two branches that changed `changes` counters each (half of them
 * the same counters, which then merge by the counter's type) in a big tree
 * against the same in a small one. Each timed merge starts from the two
 * commit ids (`repo.mergeCommits`: common ancestor, then tree merge; nothing
 * cached on the trees) and hashes the merged tree, as a merge commit would.
 */
import { counter } from '@grove/merge';
import { Transaction, type Commit, type CommitMerge, type Repo } from '@grove/store';
import { random } from '../harness/random.js';
import type { Suite, Tier } from '../harness/suite.js';
import { counterTree, entryPath, readCounter } from '../workloads/counter-tree.js';
import { scratchRepo, type BackendKind } from '../workloads/open-repo.js';
import { sizeLabel } from '../workloads/inputs.js';
import { removeDir } from '../workloads/temp-dir.js';

export interface MergeSizes {
  readonly seed: number;
  readonly tier: Tier;
  readonly backend: BackendKind;
  readonly small: number;
  readonly large: number;
  /** Counters changed on each side; half of them on both. */
  readonly changes: number;
}

/** What each side adds to the counters it changes. */
const OURS = 1n;
const THEIRS = 10n;

interface Prepared {
  readonly n: number;
  readonly base: Commit;
  readonly ours: Commit;
  readonly theirs: Commit;
  /** Counter index to its expected merged value, for every changed counter. */
  readonly expected: ReadonlyMap<number, bigint>;
}

export function mergeSuite({ seed, tier, backend, small, large, changes }: MergeSizes): Suite {
  const smallCase = `merge ${changes}+${changes} changes, ${sizeLabel(small)}-entry tree`;
  const largeCase = `merge ${changes}+${changes} changes, ${sizeLabel(large)}-entry tree`;
  let dir: string | undefined;
  let repo: Repo;
  let prepared: { small: Prepared; large: Prepared };

  const prepare = async (n: number, salt: number): Promise<Prepared> => {
    const base = await repo.writeCommit(await counterTree(repo, n), [], { message: 'base' });
    const drawn = random(seed + salt).distinct(changes + Math.floor(changes / 2), n);
    const [oursIdx, theirsIdx] = [drawn.slice(0, changes), drawn.slice(changes - Math.ceil(changes / 2))];
    const side = async (indexes: readonly number[], delta: bigint) => {
      const tx = new Transaction(await repo.commitTree(base.hash), repo);
      for (const i of indexes) await tx.set(entryPath(i), BigInt(i) + delta, counter);
      return repo.writeCommit(tx.tree, [base.hash], { message: `+${delta}` });
    };
    const expected = new Map<number, bigint>();
    for (const i of oursIdx) expected.set(i, BigInt(i) + OURS);
    for (const i of theirsIdx) expected.set(i, (expected.get(i) ?? BigInt(i)) + THEIRS);
    return { n, base, ours: await side(oursIdx, OURS), theirs: await side(theirsIdx, THEIRS), expected };
  };
  const merge = async (p: Prepared): Promise<CommitMerge> => {
    const m = await repo.mergeCommits(p.ours.hash, p.theirs.hash);
    void m.tree.hash; // encodes and hashes the merged trees, as a merge commit must
    return m;
  };

  return {
    name: `merge-${backend}`,
    tier,
    unit: 'merges',
    async setup() {
      ({ repo, dir } = await scratchRepo(backend, 'merge'));
      prepared = { small: await prepare(small, 1), large: await prepare(large, 2) };
    },
    async check() {
      for (const p of [prepared.small, prepared.large]) {
        const m = await merge(p);
        if (m.conflicts.length > 0 || m.lcas.join() !== p.base.hash) throw new Error(`${sizeLabel(p.n)}: ${m.conflicts.length} conflicts, ancestors ${m.lcas.join()}`);
        const tree = repo.tree((await repo.writeCommit(m.tree, [p.ours.hash, p.theirs.hash])).tree);
        for (const [i, value] of p.expected) {
          if ((await readCounter(repo, tree, i)) !== value) throw new Error(`${sizeLabel(p.n)}: merged counter ${i} is not ${value}`);
        }
        let untouched = 0;
        while (p.expected.has(untouched)) untouched++;
        if ((await readCounter(repo, tree, untouched)) !== BigInt(untouched)) throw new Error(`${sizeLabel(p.n)}: counter ${untouched} changed in the merge`);
      }
    },
    cases: [
      { name: smallCase, kind: 'async', fn: () => merge(prepared.small) },
      { name: largeCase, kind: 'async', fn: () => merge(prepared.large) },
    ],
    anchor: smallCase,
    target: { case: largeCase, measure: 'cost', direction: 'at-most', value: 3, description: `${backend}: merge cost in a ${sizeLabel(large)} tree vs a ${sizeLabel(small)} tree` },
    teardown: () => removeDir(dir),
  };
}
