/**
 * Convergence in the store: replicas incrementing and removing keys of a
 * map of counters and merging each other at random, criss-cross merges
 * included, end on one tree, and the sharded map equals a reference
 * `mapOf(counter)` value that went through the same commits and merges.
 */
import { counter, mapOf } from '@grove/merge';
import { Repo, type Branch } from '@grove/store';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as GMap from './index.js';

const options = { leafCapacity: 2 };
const Votes = GMap.structure(counter, options);
const Reference = mapOf(counter);
const REPLICAS = 4;

type Step = { kind: 'add'; replica: number; k: number; by: number } | { kind: 'delete'; replica: number; k: number } | { kind: 'merge'; into: number; from: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('add' as const), replica: fc.nat(REPLICAS - 1), k: fc.nat(10), by: fc.integer({ min: 1, max: 5 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete' as const), replica: fc.nat(REPLICAS - 1), k: fc.nat(10) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('merge' as const), into: fc.nat(REPLICAS - 1), from: fc.nat(REPLICAS - 1) }) },
);

async function edit(branch: Branch, key: string, by: bigint | undefined): Promise<void> {
  await branch.update(async (tx) => {
    const map = await GMap.load((await tx.get(['m'], Votes)) ?? GMap.empty(counter, options), [key]);
    const ref = new Map((await tx.get(['ref'], Reference)) ?? []);
    if (by === undefined) {
      await tx.set(['m'], GMap.delete(map, key), Votes);
      ref.delete(key);
    } else {
      await tx.set(['m'], GMap.set(map, key, (GMap.get(map, key) ?? 0n) + by), Votes);
      ref.set(key, (ref.get(key) ?? 0n) + by);
    }
    await tx.set(['ref'], ref, Reference);
  });
}

describe('convergence of maps in the store', () => {
  it('replicas merging over random DAGs end equal, and equal to the reference map', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        let now = 0;
        const repo = Repo.memory({ clock: () => (now += 1000) });
        const root = repo.branch('r0');
        for (let k = 0; k < 4; k++) await edit(root, `k${k}`, 1n);
        const replicas = [root, ...(await Promise.all([1, 2, 3].map((i) => root.fork(`r${i}`))))];
        for (const s of steps) {
          if (s.kind === 'merge') {
            if (s.into !== s.from) expect((await replicas[s.into]!.merge(replicas[s.from]!)).kind).not.toBe('conflict');
          } else await edit(replicas[s.replica]!, `k${s.k}`, s.kind === 'add' ? BigInt(s.by) : undefined);
        }
        for (const r of replicas) expect((await root.merge(r)).kind).not.toBe('conflict');
        for (const r of replicas) await r.merge(root);
        expect(new Set(await Promise.all(replicas.map(async (r) => (await r.tree()).hash))).size).toBe(1);
        const merged = await GMap.load((await root.get(['m'], Votes))!);
        const want = (await root.get(['ref'], Reference))!;
        expect(GMap.entries(merged)).toEqual([...want]);
        expect(merged.tree.hash).toBe(GMap.of(counter, want, options).tree.hash);
      }),
      { numRuns: 60 },
    );
  });
});
