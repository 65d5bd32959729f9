/**
 * Encode + hash of small blobs: the store's `hashObject('blob', payload)`
 * against Node's `crypto.hash('sha1', …)` of the same bytes framed ahead
 * of time. The ratio is what Grove's framing costs on top of SHA-1.
 */
import { hash } from 'node:crypto';
import { hashObject } from '@grove/store';
import { random } from '../harness/random.js';
import type { Suite } from '../harness/suite.js';
import { cycle, frame } from '../workloads/inputs.js';

export interface HashBlobSizes {
  readonly seed: number;
  /** Distinct payloads taken in turn. */
  readonly count: number;
  readonly bytes: number;
}

/** Git's id of the empty blob, a known answer. */
const EMPTY_BLOB = 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391';

export function hashBlobSuite({ seed, count, bytes }: HashBlobSizes): Suite {
  const raw = `crypto.hash sha1, pre-framed ${bytes} B`;
  const grove = `grove hashObject('blob', ${bytes} B)`;
  let payloads: Uint8Array[] = [];
  let framed: Buffer[] = [];
  let nextPayload: () => Uint8Array;
  let nextFramed: () => Buffer;
  return {
    name: 'hash-blob',
    tier: 'quick',
    unit: 'objects',
    async setup() {
      const rng = random(seed);
      payloads = Array.from({ length: count }, () => rng.bytes(bytes));
      framed = payloads.map((p) => frame('blob', p));
      nextPayload = cycle(payloads);
      nextFramed = cycle(framed);
    },
    async check() {
      if (hashObject('blob', new Uint8Array(0)) !== EMPTY_BLOB) throw new Error(`hashObject of the empty blob is not Git's ${EMPTY_BLOB}`);
      payloads.forEach((p, i) => {
        if (hashObject('blob', p) !== hash('sha1', framed[i]!, 'hex')) throw new Error(`hashObject disagrees with sha1 of the framed bytes of payload ${i}`);
      });
    },
    cases: [
      { name: raw, kind: 'sync', fn: () => hash('sha1', nextFramed(), 'hex') },
      { name: grove, kind: 'sync', fn: () => hashObject('blob', nextPayload()) },
    ],
    anchor: raw,
    target: { case: grove, measure: 'speed', direction: 'at-least', value: 0.5, description: 'grove blob encode+hash vs raw sha1' },
  };
}
