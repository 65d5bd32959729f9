/**
 * Commit of one changed value in a big tree against the same in a small
 * one (counters laid out as `k/<i div 1000>/<i mod 1000>`), through
 * `branch.set`: read the head, change the path, write the new objects and
 * the commit, move the ref. The cost ratio should follow the depth of the
 * change, not the size of the tree.
 */
import { counter } from '@grove/merge';
import type { Branch, Repo } from '@grove/store';
import { random, type Random } from '../harness/random.js';
import type { Suite, Tier } from '../harness/suite.js';
import { counterBranch, entryPath, readCounter } from '../workloads/counter-tree.js';
import { scratchRepo, type BackendKind } from '../workloads/open-repo.js';
import { sizeLabel } from '../workloads/inputs.js';
import { removeDir } from '../workloads/temp-dir.js';

export interface CommitSizes {
  readonly seed: number;
  readonly tier: Tier;
  readonly backend: BackendKind;
  /** Entries of the small tree (the anchor) and of the big one. */
  readonly small: number;
  readonly large: number;
}

export function commitSuite({ seed, tier, backend, small, large }: CommitSizes): Suite {
  const smallCase = `commit 1 value, ${sizeLabel(small)}-entry tree`;
  const largeCase = `commit 1 value, ${sizeLabel(large)}-entry tree`;
  let dir: string | undefined;
  let repo: Repo;
  let branches: { small: Branch; large: Branch };
  let rng: Random;
  let next = 10n ** 12n;

  /** Sets a random counter of `branch`'s `n` to a value it never held; returns where and what. */
  const commitOne = async (branch: Branch, n: number) => {
    const i = rng.int(n);
    const value = next++;
    const commit = await branch.set(entryPath(i), value, { type: counter });
    return { i, value, commit };
  };

  return {
    name: `commit-${backend}`,
    tier,
    unit: 'commits',
    async setup() {
      rng = random(seed);
      ({ repo, dir } = await scratchRepo(backend, 'commit'));
      branches = { small: await counterBranch(repo, 'small', small), large: await counterBranch(repo, 'large', large) };
    },
    async check() {
      for (const [branch, n] of [[branches.small, small], [branches.large, large]] as const) {
        const before = await branch.head();
        const { i, value, commit } = await commitOne(branch, n);
        if ((await branch.head()) !== commit.hash || commit.parents.join() !== before) throw new Error(`${branch.name}: the commit is not the new head on top of the old one`);
        const tree = await branch.tree();
        if ((await readCounter(repo, tree, i)) !== value) throw new Error(`${branch.name}: counter ${i} does not read back as ${value}`);
        const other = (i + 1) % n;
        if ((await readCounter(repo, tree, other)) !== BigInt(other)) throw new Error(`${branch.name}: counter ${other} changed too`);
        if ((await readCounter(repo, tree, n - 1)) === undefined || (await readCounter(repo, tree, n)) !== undefined) throw new Error(`${branch.name}: the tree no longer holds exactly ${n} counters`);
      }
    },
    cases: [
      { name: smallCase, kind: 'async', fn: () => commitOne(branches.small, small) },
      { name: largeCase, kind: 'async', fn: () => commitOne(branches.large, large) },
    ],
    anchor: smallCase,
    target: { case: largeCase, measure: 'cost', direction: 'at-most', value: 3, description: `${backend}: commit cost in a ${sizeLabel(large)} tree vs a ${sizeLabel(small)} tree` },
    teardown: () => removeDir(dir),
  };
}
