/**
 * Every registered suite, in run order, with its sizes. Quick suites run in
 * every run (the quick tier must stay under two minutes on a 2-core
 * machine); full ones only with `--full`.
 */
import type { Suite } from '../harness/suite.js';
import { commitSuite } from './commit.js';
import { hashBlobSuite } from './hash-blob.js';
import { hashTreeSuite } from './hash-tree.js';
import { lastModifiedSuite } from './last-modified.js';
import { mergeSuite } from './merge.js';
import { queueCommitSuite } from './queue-commit.js';
import { queueMergeSuite } from './queue-merge.js';
import { writeObjectsSuite } from './write-objects.js';

export function allSuites(seed: number): Suite[] {
  const write = { seed, isoSubset: 2000, sample: 20 };
  return [
    hashBlobSuite({ seed, count: 1024, bytes: 64 }),
    hashTreeSuite({ seed, count: 64, entries: 8 }),
    writeObjectsSuite({ ...write, tier: 'quick', count: 20_000, peer: 'git' }),
    writeObjectsSuite({ ...write, tier: 'quick', count: 20_000, peer: 'isomorphic-git' }),
    writeObjectsSuite({ ...write, tier: 'full', count: 100_000, peer: 'git' }),
    writeObjectsSuite({ ...write, tier: 'full', count: 100_000, peer: 'isomorphic-git' }),
    commitSuite({ seed, tier: 'quick', backend: 'memory', small: 1000, large: 100_000 }),
    commitSuite({ seed, tier: 'quick', backend: 'disk', small: 1000, large: 100_000 }),
    mergeSuite({ seed, tier: 'quick', backend: 'memory', small: 1000, large: 100_000, changes: 100 }),
    lastModifiedSuite({ seed, tier: 'quick', commits: 2500, paths: 1000, changedAt: 10 }),
    queueCommitSuite({ tier: 'quick', small: 1000, large: 100_000, ops: 100_000 }),
    queueCommitSuite({ tier: 'full', small: 1000, large: 1_000_000, ops: 1_000_000 }),
    queueMergeSuite({ tier: 'quick', small: 10_000, large: 100_000, changes: 10_000 }),
    queueMergeSuite({ tier: 'full', small: 10_000, large: 1_000_000, changes: 10_000 }),
  ];
}
