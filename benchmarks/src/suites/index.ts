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
import { ropeCommitSuite } from './rope-commit.js';
import { ropeMergeSuite } from './rope-merge.js';
import { ropeReplaySuite } from './rope-replay.js';
import { ropeTraceSuite } from './rope-trace.js';
import { structureMergeSuite } from './structure-merge.js';
import { structurePeersSuite } from './structure-peers.js';
import { syncPushOneSuite } from './sync-push-one.js';
import { syncRestSuite } from './sync-rest.js';
import { syncTransferSuite } from './sync-transfer.js';
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
    ...(['set', 'map'] as const).flatMap((kind) => [
      structureMergeSuite({ seed, tier: 'quick', kind, small: 10_000, large: 100_000, changes: 1000 }),
      structureMergeSuite({ seed, tier: 'full', kind, small: 10_000, large: 1_000_000, changes: 1000 }),
    ]),
    structurePeersSuite({ tier: 'quick', n: 10_000, peer: 'yjs' }),
    structurePeersSuite({ tier: 'quick', n: 10_000, peer: 'loro' }),
    structurePeersSuite({ tier: 'quick', n: 2000, peer: 'automerge', minSamples: 3 }),
    structurePeersSuite({ tier: 'full', n: 100_000, peer: 'yjs' }),
    structurePeersSuite({ tier: 'full', n: 100_000, peer: 'loro' }),
    // Automerge takes ~15 minutes at 100k (its counter increments grow quadratically within a change): `scale` runs that once.
    structurePeersSuite({ tier: 'full', n: 20_000, peer: 'automerge', minSamples: 1 }),
    ...(['clone', 'fetch', 'push'] as const).flatMap((operation) => [
      syncTransferSuite({ tier: 'quick', operation, commits: 1000 }),
      syncTransferSuite({ tier: 'full', operation, commits: 10_000 }),
    ]),
    syncPushOneSuite({ tier: 'quick', commits: 10_000 }),
    syncRestSuite({ tier: 'quick', requests: 2000, concurrency: 16 }),
    ropeTraceSuite({ tier: 'quick', peers: [] }),
    ropeTraceSuite({ tier: 'full', peers: ['string', 'yjs', 'loro', 'automerge'] }),
    ropeCommitSuite({ tier: 'quick' }),
    ropeMergeSuite({ seed, tier: 'quick', small: 1000, large: 100_000, edits: 100, spread: 'burst' }),
    ropeMergeSuite({ seed, tier: 'quick', small: 1000, large: 100_000, edits: 100, spread: 'scattered' }),
    ropeReplaySuite({ tier: 'full', peers: ['yjs', 'loro', 'automerge'] }),
  ];
}
