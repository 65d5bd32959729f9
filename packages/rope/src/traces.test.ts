/**
 * Real editing traces (CC BY 4.0, see traces/README.md): every sequential
 * trace applied to a rope ends exactly at its final text, also when saved
 * to a store along the way; the concurrent trace replayed in a store, one
 * commit per transaction and a Grove merge per merge, ends exactly at its
 * final text too.
 */
import { Repo } from '@grove/store';
import { describe, expect, it } from 'vitest';
import { Rope, structure } from './index.js';
import { applyPatches, patchesOf, readConcurrentTrace, readTrace, replayConcurrent, SEQUENTIAL_TRACES } from './traces/index.js';

/** A clock one second per call, so commit order follows replay order. */
const ticking = () => {
  let now = Date.UTC(2026, 0, 1);
  return { clock: () => (now += 1000) };
};

describe('sequential traces', () => {
  for (const name of SEQUENTIAL_TRACES) {
    it(`${name} ends at its endContent`, () => {
      const trace = readTrace(name);
      expect(applyPatches(Rope.from(trace.startContent), patchesOf(trace)).toString()).toBe(trace.endContent);
    });
  }

  it('sveltecomponent saved every 100 patches reads back at its endContent', async () => {
    const trace = readTrace('sveltecomponent');
    const patches = patchesOf(trace);
    const main = Repo.memory(ticking()).branch('main');
    let rope = Rope.from(trace.startContent);
    for (let i = 0; i < patches.length; i += 100) {
      rope = applyPatches(rope, patches.slice(i, i + 100));
      await main.set(['doc'], rope, { type: structure });
    }
    const cold = new Repo(main.repo.backend, { types: [structure] }).branch('main');
    expect((await cold.get(['doc'], structure))!.toString()).toBe(trace.endContent);
  });
});

describe('the concurrent trace friendsforever', () => {
  it('committed only at sync points, ends where one commit per transaction does (first 2,000 transactions)', async () => {
    const full = readConcurrentTrace();
    const trace = { ...full, txns: full.txns.slice(0, 2000) };
    const [each, sync] = await Promise.all([replayConcurrent(trace, Repo.memory(ticking())), replayConcurrent(trace, Repo.memory(ticking()), { commits: 'sync' })]);
    expect(sync.commits).toBeLessThan(each.commits / 2);
    expect(sync.merges).toBe(each.merges);
    expect(sync.rope.toString()).toBe(each.rope.toString());
  }, 120_000);

  it('ends at its endContent with one commit per transaction, read back from the store', async () => {
    const trace = readConcurrentTrace();
    const repo = Repo.memory(ticking());
    const replayed = await replayConcurrent(trace, repo);
    expect([replayed.commits, replayed.merges]).toEqual([trace.txns.length, 2258]);
    const cold = new Repo(repo.backend, { types: [structure] });
    const child = await cold.tree((await cold.readCommit(replayed.head)).tree).get(['doc']);
    expect((await structure.load(child!, cold.nodes)).toString()).toBe(trace.endContent);
  }, 900_000);
});
