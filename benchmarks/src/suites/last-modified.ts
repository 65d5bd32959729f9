/**
 * `lastModified` of a path last changed early in a long history: each of
 * `commits` commits changes one of `paths` counters, and the path queried
 * changed only in the first commit and in commit `changedAt`, so the walk
 * visits nearly every commit. Irmin took 76 s on 2,500 commits (its issue
 * #933). Each query starts cold (a new `Repo`); `git log -1 -- <path>` on
 * the same repository is the anchor.
 */
import { counter } from '@grove/merge';
import { Repo, type Backend } from '@grove/store';
import { random } from '../harness/random.js';
import type { Suite, Tier } from '../harness/suite.js';
import { counterBranch, entryPath } from '../workloads/counter-tree.js';
import { gitLines } from '../workloads/git-cli.js';
import { fakeClock } from '../workloads/open-repo.js';
import { recording } from '../workloads/recording-store.js';
import { makeTempDir, removeDir } from '../workloads/temp-dir.js';

export interface LastModifiedSizes {
  readonly seed: number;
  readonly tier: Tier;
  readonly commits: number;
  readonly paths: number;
  /** The commit (by position, 1-based after the root) that last changes the queried path. */
  readonly changedAt: number;
}

export function lastModifiedSuite({ seed, tier, commits, paths, changedAt }: LastModifiedSizes): Suite {
  const gitCase = 'git log -1 -- path';
  const diskCase = 'grove lastModified, disk';
  const memoryCase = 'grove lastModified, memory';
  let dir: string | undefined;
  let memory: Backend;
  let path: string[] = [];
  let expected: string[] = [];

  const onDisk = async (limit = 1) => (await (await Repo.open(dir!)).branch('main').lastModified(path, { limit })).map((c) => c.hash);
  const inMemory = async (limit = 1) => (await new Repo(memory).branch('main').lastModified(path, { limit })).map((c) => c.hash);
  const withGit = (limit = 1) => gitLines(['--git-dir', dir!, 'log', `-${limit}`, '--format=%H', 'main', '--', path.join('/')]);

  return {
    name: 'last-modified',
    tier,
    unit: 'queries',
    async setup() {
      const rng = random(seed);
      const { backend, written } = recording(Repo.memory().backend);
      memory = backend;
      const repo = new Repo(backend, fakeClock());
      const main = await counterBranch(repo, 'main', paths);
      const root = (await main.head())!;
      const queried = rng.int(paths);
      path = [...entryPath(queried)];
      let changed = '';
      for (let c = 1; c < commits; c++) {
        const i = c === changedAt ? queried : (queried + 1 + rng.int(paths - 1)) % paths;
        const commit = await main.set(entryPath(i), 10n ** 12n + BigInt(c), { type: counter });
        if (c === changedAt) changed = commit.hash;
      }
      expected = [changed, root];
      dir = await makeTempDir('last-modified');
      const disk = await Repo.open(dir);
      await disk.backend.objects.writeMany(written);
      await disk.backend.refs.compareAndSet(main.ref, undefined, await main.head());
    },
    async check() {
      for (const [name, answer] of [[gitCase, withGit], [diskCase, onDisk], [memoryCase, inMemory]] as const) {
        const got = await answer(2);
        if (got.join() !== expected.join()) throw new Error(`${name}: the commits that changed ${path.join('/')} are ${got.join()}, not ${expected.join()}`);
        // the timed query, with the timed limit
        const last = await answer();
        if (last.join() !== expected[0]) throw new Error(`${name}: the last commit that changed ${path.join('/')} is ${last.join()}, not ${expected[0]}`);
      }
    },
    cases: [
      { name: gitCase, kind: 'async', fn: () => withGit() },
      { name: diskCase, kind: 'async', fn: () => onDisk() },
      { name: memoryCase, kind: 'async', fn: () => inMemory() },
    ],
    anchor: gitCase,
    minSamples: 3,
    target: { case: diskCase, measure: 'seconds', direction: 'at-most', value: 1, description: `lastModified over ${commits} commits, on disk` },
    teardown: () => removeDir(dir),
  };
}
