/** Merge laws on tree merge, and convergence of replicas over random branch DAGs. */
import { counter } from '@grove/merge';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Repo, type Tree } from '../index.js';

const key = fc.constantFrom('a', 'b', 'c', 'd');
/** A tree's contents: path -> text or counter. */
const contents = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd/x', 'd/y'), fc.oneof(fc.string({ maxLength: 2 }), fc.bigInt({ min: 0n, max: 9n })), { maxKeys: 5 });
type Contents = Record<string, string | bigint>;

async function build(repo: Repo, base: Tree, c: Contents): Promise<Tree> {
  const branch = repo.branch(`b${Math.random().toString(36).slice(2)}`);
  await branch.update(async (tx) => {
    tx.replace(base, 'base');
    for (const [p, v] of Object.entries(c)) await (typeof v === 'string' ? tx.set(p.split('/'), v) : tx.set(p.split('/'), v, counter));
  });
  return branch.tree();
}

async function mergeOf(repo: Repo, b: Tree, o: Tree, t: Tree) {
  const ours = await repo.writeCommit(o, []);
  const theirs = await repo.writeCommit(t, []);
  const base = await repo.writeCommit(b, []);
  const x = await repo.writeCommit(o, [base.hash]);
  const y = await repo.writeCommit(t, [base.hash]);
  void ours;
  void theirs;
  return repo.mergeCommits(x.hash, y.hash);
}

describe('tree merge laws', () => {
  it('merge(b,b,b)=b, one-sided changes win, merge(b,x,x)=x for non-counters, symmetry', async () => {
    await fc.assert(
      fc.asyncProperty(contents, contents, contents, async (bc, oc, tc) => {
        const repo = Repo.memory();
        const empty = await repo.commitTree(undefined);
        const [b, o, t] = [await build(repo, empty, bc), await build(repo, empty, oc), await build(repo, empty, tc)];
        expect((await mergeOf(repo, b, b, b)).tree.hash).toBe(b.hash);
        expect((await mergeOf(repo, b, o, b)).tree.hash).toBe(o.hash);
        expect((await mergeOf(repo, b, b, t)).tree.hash).toBe(t.hash);
        const xy = await mergeOf(repo, b, o, t);
        const yx = await mergeOf(repo, b, t, o);
        expect(xy.conflicts.length > 0).toBe(yx.conflicts.length > 0);
        if (xy.conflicts.length === 0) expect(xy.tree.hash).toBe(yx.tree.hash);
        const hasCounter = Object.values(oc).some((v) => typeof v === 'bigint');
        if (!hasCounter) expect((await mergeOf(repo, b, o, o)).tree.hash).toBe(o.hash);
      }),
      { numRuns: 150 },
    );
  });
});

type Step = { kind: 'add'; replica: number; key: string; by: number } | { kind: 'merge'; into: number; from: number };
const REPLICAS = 4;
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('add' as const), replica: fc.nat(REPLICAS - 1), key, by: fc.integer({ min: 1, max: 5 }) }),
  fc.record({ kind: fc.constant('merge' as const), into: fc.nat(REPLICAS - 1), from: fc.nat(REPLICAS - 1) }),
);

describe('convergence', () => {
  it('replicas merging in random orders over random DAGs (criss-cross included) end on one tree, equal to the oracle', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 40 }), async (steps) => {
        let now = 0;
        const repo = Repo.memory({ clock: () => (now += 1000) });
        const root = repo.branch('r0');
        await root.set(['init'], 'x');
        const replicas = [root, ...(await Promise.all([1, 2, 3].map((i) => root.fork(`r${i}`))))];
        const oracle = new Map<string, bigint>();
        for (const s of steps) {
          if (s.kind === 'add') {
            const r = replicas[s.replica]!;
            await r.update(async (tx) => tx.set(['counts', s.key], ((await tx.get(['counts', s.key], counter)) ?? 0n) + BigInt(s.by), counter));
            await r.set(['by', `r${s.replica}`], `${s.key}+${s.by}`);
            oracle.set(s.key, (oracle.get(s.key) ?? 0n) + BigInt(s.by));
          } else if (s.into !== s.from) {
            const outcome = await replicas[s.into]!.merge(replicas[s.from]!);
            expect(outcome.kind).not.toBe('conflict');
          }
        }
        for (const r of replicas) expect((await root.merge(r)).kind).not.toBe('conflict');
        for (const r of replicas) await r.merge(root);
        const hashes = new Set(await Promise.all(replicas.map(async (r) => (await r.tree()).hash)));
        expect(hashes.size).toBe(1);
        for (const [k, v] of oracle) expect(await root.get(['counts', k], counter)).toBe(v);
      }),
      { numRuns: 60 },
    );
  });
});
