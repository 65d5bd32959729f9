/**
 * Two replicas, each making `n` map sets and `n` counter increments, then
 * merged both ways: Grove against one CRDT peer doing the same work (see
 * workloads/structure-peers.ts), Grove both in memory and through a
 * repository. Target: Grove in memory at least as fast as the peer.
 */
import type { Case, Suite, Tier } from '../harness/suite.js';
import { checkOutcome, runStructurePeer, type StructurePeer } from '../workloads/structure-peers.js';

export interface StructurePeersOptions {
  readonly tier: Tier;
  readonly n: number;
  readonly peer: Exclude<StructurePeer, 'grove' | 'grove-store'>;
  /** Samples per case: 1 for peers that take minutes. */
  readonly minSamples?: number;
}

const label = (n: number) => (n >= 1000 ? `${n / 1000}k` : String(n));

export function structurePeersSuite({ tier, n, peer, minSamples }: StructurePeersOptions): Suite {
  const name = (p: StructurePeer) => `${p}: 2 × (${label(n)} map sets + ${label(n)} increments), merged`;
  const peers: StructurePeer[] = ['grove', 'grove-store', peer];
  return {
    name: `structures-vs-${peer}-${label(n)}`,
    tier,
    unit: 'workloads',
    ...(minSamples === undefined ? {} : { minSamples }),
    async setup() {},
    async check() {
      for (const p of peers) checkOutcome(p, n, await runStructurePeer(p, n));
    },
    cases: peers.map((p): Case => ({ name: name(p), kind: 'manual', prepare: async () => () => runStructurePeer(p, n) })),
    anchor: name(peer),
    target: { case: name('grove'), measure: 'speed', direction: 'at-least', value: 1, description: `Grove vs ${peer}: ${label(n)} map sets and increments per replica, merged` },
  };
}
