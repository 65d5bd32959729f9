/**
 * The law kit on the counter and the registers (1,000 runs per law), and
 * convergence in the store: replicas incrementing over random branch DAGs,
 * criss-cross merges included, end equal to each other and to the oracle.
 */
import { mergeLaws, type Expected, type LawOptions, type Versions } from '@grove/merge/laws';
import type { Mergeable } from '@grove/merge';
import { Repo, type Branch } from '@grove/store';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Counter from './index.js';

function laws(m: Mergeable<bigint>, options: LawOptions<bigint>) {
  describe(m.tag, () => {
    for (const law of mergeLaws(m, fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }), options)) it(`${law.name}: ${law.description}`, () => law.check());
  });
}

/** A change on one side wins; otherwise `pick` of the two sides. */
const register = (pick: (a: bigint, b: bigint) => bigint) => ({ base, ours, theirs }: Versions<bigint>): Expected<bigint> => ({
  ok: true,
  value: ours === theirs ? ours : base === ours ? theirs : base === theirs ? ours : pick(ours, theirs),
});

laws(Counter.mergeable, {
  skip: { 'same-change': 'both sides adding counts both additions' },
  spec: ({ base, ours, theirs }) => ({ ok: true, value: (base ?? 0n) + (ours - (base ?? 0n)) + (theirs - (base ?? 0n)) }),
});
laws(Counter.maxRegister, { spec: register((a, b) => (a > b ? a : b)) });
laws(Counter.minRegister, { spec: register((a, b) => (a < b ? a : b)) });

type Step = { kind: 'add'; replica: number; by: number } | { kind: 'merge'; into: number; from: number };
const REPLICAS = 4;
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), replica: fc.nat(REPLICAS - 1), by: fc.integer({ min: -5, max: 9 }) }),
  fc.record({ kind: fc.constant('merge' as const), into: fc.nat(REPLICAS - 1), from: fc.nat(REPLICAS - 1) }),
);

async function mergeAll(replicas: Branch[]): Promise<void> {
  for (const r of replicas) expect((await replicas[0]!.merge(r)).kind).not.toBe('conflict');
  for (const r of replicas) await r.merge(replicas[0]!);
}

describe('convergence in the store', () => {
  it('n replicas each adding k, merged in any order over any DAG, end at base + sum (and the max register at the max written)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.bigInt({ min: -100n, max: 100n }), fc.array(step, { minLength: 1, maxLength: 30 }), async (base, steps) => {
        let now = 0;
        const repo = Repo.memory({ clock: () => (now += 1000) });
        const root = repo.branch('r0');
        await root.update(async (tx) => {
          await tx.set(['n'], base, Counter.mergeable);
          await tx.set(['top'], base, Counter.maxRegister);
        });
        const replicas = [root, ...(await Promise.all([1, 2, 3].map((i) => root.fork(`r${i}`))))];
        let sum = 0n;
        let top = base;
        for (const s of steps) {
          if (s.kind === 'merge') {
            if (s.into !== s.from) expect((await replicas[s.into]!.merge(replicas[s.from]!)).kind).not.toBe('conflict');
            continue;
          }
          const by = BigInt(s.by);
          await replicas[s.replica]!.update(async (tx) => {
            await tx.set(['n'], Counter.increment((await tx.get(['n'], Counter.mergeable))!, by), Counter.mergeable);
            const raised = (await tx.get(['top'], Counter.maxRegister))! + (by < 0n ? -by : by) + 1n;
            await tx.set(['top'], raised, Counter.maxRegister);
            if (raised > top) top = raised;
          });
          sum += by;
        }
        await mergeAll(replicas);
        expect(new Set(await Promise.all(replicas.map(async (r) => (await r.tree()).hash))).size).toBe(1);
        expect(await root.get(['n'], Counter.mergeable)).toBe(base + sum);
        expect(await root.get(['top'], Counter.maxRegister)).toBe(top);
      }),
      { numRuns: 40 },
    );
  });

  // A shrunk counterexample: the virtual ancestor of this criss-cross holds a merged counter never written.
  it('merges a criss-cross whose virtual ancestor holds a merged counter', async () => {
    let now = 0;
    const repo = Repo.memory({ clock: () => (now += 1000) });
    const [a, b, c] = [repo.branch('a'), repo.branch('b'), repo.branch('c')];
    await a.set(['n'], 0n, { type: Counter.mergeable });
    await a.fork('b');
    await a.fork('c');
    const bump = (r: Branch, by: bigint) => r.update(async (tx) => tx.set(['n'], (await tx.get(['n'], Counter.mergeable))! + by, Counter.mergeable));
    await bump(a, 2n);
    await bump(b, -1n);
    await bump(c, -1n);
    await c.merge(b);
    await c.merge(a);
    await bump(a, 1n);
    await mergeAll([a, b, c]);
    expect(await a.get(['n'], Counter.mergeable)).toBe(1n);
  });
});
