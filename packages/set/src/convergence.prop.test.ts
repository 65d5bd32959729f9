/**
 * Convergence in the store: replicas (branches) adding and deleting
 * elements and merging each other at random, criss-cross merges included,
 * end on one tree, and the sharded set equals a reference `setOf` value
 * that went through the very same commits and merges.
 */
import { codecs, setOf } from '@grove/merge';
import { Repo, type Branch } from '@grove/store';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as GSet from './index.js';

const Tags = GSet.structure(codecs.string, { leafCapacity: 2 });
const Reference = setOf(codecs.string);
const REPLICAS = 4;

type Step = { kind: 'add' | 'delete'; replica: number; x: number } | { kind: 'merge'; into: number; from: number };
const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constantFrom('add' as const, 'delete' as const), replica: fc.nat(REPLICAS - 1), x: fc.nat(12) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('merge' as const), into: fc.nat(REPLICAS - 1), from: fc.nat(REPLICAS - 1) }) },
);

async function edit(branch: Branch, kind: 'add' | 'delete', element: string): Promise<void> {
  await branch.update(async (tx) => {
    const set = await GSet.load((await tx.get(['s'], Tags)) ?? GSet.empty(codecs.string, { leafCapacity: 2 }), [element]);
    await tx.set(['s'], kind === 'add' ? GSet.add(set, element) : GSet.delete(set, element), Tags);
    const ref = new Set((await tx.get(['ref'], Reference)) ?? []);
    if (kind === 'add') ref.add(element);
    else ref.delete(element);
    await tx.set(['ref'], ref, Reference);
  });
}

describe('convergence of sets in the store', () => {
  it('replicas merging over random DAGs end equal, and equal to the reference set', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(12), { maxLength: 10 }), fc.array(step, { minLength: 1, maxLength: 40 }), async (initial, steps) => {
        let now = 0;
        const repo = Repo.memory({ clock: () => (now += 1000) });
        const root = repo.branch('r0');
        for (const x of initial) await edit(root, 'add', `e${x}`);
        if (initial.length === 0) await edit(root, 'delete', 'none');
        const replicas = [root, ...(await Promise.all([1, 2, 3].map((i) => root.fork(`r${i}`))))];
        for (const s of steps) {
          if (s.kind !== 'merge') await edit(replicas[s.replica]!, s.kind, `e${s.x}`);
          else if (s.into !== s.from) expect((await replicas[s.into]!.merge(replicas[s.from]!)).kind).not.toBe('conflict');
        }
        for (const r of replicas) expect((await root.merge(r)).kind).not.toBe('conflict');
        for (const r of replicas) await r.merge(root);
        expect(new Set(await Promise.all(replicas.map(async (r) => (await r.tree()).hash))).size).toBe(1);
        const merged = await GSet.load((await root.get(['s'], Tags))!);
        const want = (await root.get(['ref'], Reference))!;
        expect([...GSet.values(merged)].sort()).toEqual([...want].sort());
        expect(merged.tree.hash).toBe(GSet.of(codecs.string, want, { leafCapacity: 2 }).tree.hash);
      }),
      { numRuns: 60 },
    );
  });
});
