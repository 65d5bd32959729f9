/**
 * The automerge-paper trace (259,778 edits of a LaTeX paper, CC BY 4.0,
 * see packages/rope/traces/README.md) applied to Grove's rope and, in the
 * same run, to each peer: json-joy (the fastest pure-JS CRDT), and in the
 * full tier a plain string, Yjs, Loro and Automerge. One operation is one
 * edit; each case is timed over the whole trace. Target: the rope is
 * faster than json-joy.
 */
import { patchesOf, readTrace, type Patch } from '@grove/rope/traces';
import type { Case, Suite, Tier } from '../harness/suite.js';
import { applyWith, type TextPeer } from '../workloads/text-peers.js';

export interface RopeTraceOptions {
  readonly tier: Tier;
  /** The peers timed besides the rope (json-joy, the anchor, always). */
  readonly peers: readonly TextPeer[];
}

const ANCHOR: TextPeer = 'json-joy';
const ROPE: TextPeer = 'grove rope';

export function ropeTraceSuite({ tier, peers }: RopeTraceOptions): Suite {
  let start = '';
  let end = '';
  let patches: readonly Patch[] = [];
  const timed = [ROPE, ANCHOR, ...peers.filter((p) => p !== ROPE && p !== ANCHOR)];
  const cases: Case[] = timed.map((peer) => ({
    name: `${peer}: automerge-paper, 259,778 edits`,
    kind: 'manual',
    batch: 259_778,
    prepare: async () => async () => applyWith(peer, start, patches),
  }));

  return {
    name: `rope-trace-${tier}`,
    tier,
    unit: 'edits',
    minSamples: 3,
    async setup() {
      const trace = readTrace('automerge-paper');
      [start, end, patches] = [trace.startContent, trace.endContent, patchesOf(trace)];
    },
    async check() {
      if (patches.length !== 259_778) throw new Error(`the trace has ${patches.length} edits, not 259,778`);
      for (const peer of timed) {
        if (applyWith(peer, start, patches) !== end) throw new Error(`${peer} does not end at the trace's endContent`);
      }
    },
    cases,
    anchor: cases[1]!.name,
    target: { case: cases[0]!.name, measure: 'speed', direction: 'at-least', value: 1, description: 'rope vs json-joy applying the automerge-paper trace' },
  };
}
