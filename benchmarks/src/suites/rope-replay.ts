/**
 * The concurrent trace friendsforever (two authors, 26,078 transactions,
 * 2,258 merges; CC BY 4.0, see packages/rope/traces/README.md) replayed in
 * a Grove store, committing at every sync point (forks, parents of merges,
 * merges) and merging with Grove's merge (common ancestors, tree merge, the
 * rope's merge), against Yjs, Loro and Automerge replaying it with sync
 * messages. Each case is one whole replay; the check confirms every one
 * ends at the trace's endContent. Target: Grove ahead of Yjs.
 */
import { Repo } from '@grove/store';
import { readConcurrentTrace, replayConcurrent, type ConcurrentTrace } from '@grove/rope/traces';
import type { Case, Suite, Tier } from '../harness/suite.js';
import { replayWithSync, type SyncPeer } from '../workloads/concurrent-peers.js';
import { fakeClock } from '../workloads/open-repo.js';

export interface RopeReplayOptions {
  readonly tier: Tier;
  readonly peers: readonly SyncPeer[];
}

const grove = async (trace: ConcurrentTrace) => (await replayConcurrent(trace, Repo.memory(fakeClock()), { commits: 'sync' })).rope.toString();

export function ropeReplaySuite({ tier, peers }: RopeReplayOptions): Suite {
  let trace: ConcurrentTrace;
  const groveCase = 'grove: commits at sync points + merges';
  const peerCase = (p: SyncPeer) => `${p}: sync messages`;
  const cases: Case[] = [
    { name: groveCase, kind: 'manual', batch: 26_078, prepare: async () => () => grove(trace) },
    ...peers.map((p): Case => ({ name: peerCase(p), kind: 'manual', batch: 26_078, prepare: async () => async () => replayWithSync(p, trace) })),
  ];
  return {
    name: 'rope-replay',
    tier,
    unit: 'transactions',
    minSamples: 3,
    async setup() {
      trace = readConcurrentTrace();
    },
    async check() {
      if ((await grove(trace)) !== trace.endContent) throw new Error('the Grove replay does not end at the endContent');
      for (const p of peers) if (replayWithSync(p, trace) !== trace.endContent) throw new Error(`${p} does not end at the endContent`);
    },
    cases,
    anchor: peerCase('yjs'),
    target: { case: groveCase, measure: 'speed', direction: 'at-least', value: 1, description: 'friendsforever replayed with commits and merges vs Yjs with sync messages' },
  };
}
