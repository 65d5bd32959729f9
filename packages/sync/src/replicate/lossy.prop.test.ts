/**
 * Replicas converge on a simulated network that drops, duplicates, delays
 * and reorders messages, for every seed tried (the seeds are printed).
 */
import { counter } from '@grove/merge';
import { Repo } from '@grove/store';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clone } from '../client/pull.js';
import { Remote } from '../client/remote.js';
import { createGroveHandler } from '../server/http-server.js';
import { steppingClock } from '../testing/server.js';
import { inProcess } from '../transport/in-process.js';
import { SimulatedNetwork } from '../transport/simulated.js';
import { syncBranch } from './sync-branch.js';

const KEYS = ['a', 'b', 'c'];

/** Writes, then sync rounds over a lossy network until every replica holds the server's head. Returns the network. */
async function converge(seed: number, writes: readonly (readonly [number, string, number])[]): Promise<SimulatedNetwork> {
  const server = Repo.memory({ clock: steppingClock() });
  for (const key of KEYS) await server.branch('main').set([key], 0n, { type: counter });
  const direct = inProcess(createGroveHandler(server));
  const network = new SimulatedNetwork({ seed, drop: 0.2, duplicate: 0.2, maxDelay: 50 });
  const replicas = await Promise.all(
    [0, 1, 2, 3, 4].map(async (i) => {
      const repo = Repo.memory({ clock: steppingClock(2e12 + i * 1e10) });
      await clone(repo, new Remote('origin', direct));
      return { repo, remote: new Remote('origin', network.connect(direct)) };
    }),
  );
  for (const [who, key, delta] of writes) {
    await replicas[who]!.repo.branch('main').update(async (tx) => tx.set([key], ((await tx.get<bigint>([key], counter)) ?? 0n) + BigInt(delta), counter));
  }
  const converged = async () => {
    const head = await server.branch('main').head();
    return (await Promise.all(replicas.map((r) => r.repo.branch('main').head()))).every((h) => h === head);
  };
  let rounds = 0;
  while (!(await converged())) {
    if (++rounds > 200) throw new Error(`seed ${seed}: no convergence after 200 rounds`);
    const syncing = Promise.allSettled(replicas.map((r) => syncBranch(r.repo, r.remote, 'main')));
    await network.run();
    await syncing;
  }
  for (const key of KEYS) {
    const expected = writes.filter(([, k]) => k === key).reduce((sum, [, , d]) => sum + BigInt(d), 0n);
    expect(await server.branch('main').get([key], counter)).toBe(expected);
  }
  return network;
}

describe('replication on a lossy network', () => {
  it('converges for every seed tried, with no increment lost or applied twice', async () => {
    const seeds: number[] = [];
    let dropped = 0;
    let duplicated = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.array(fc.tuple(fc.nat(4), fc.constantFrom(...KEYS), fc.integer({ min: -5, max: 9 })), { minLength: 1, maxLength: 15 }), async (seed, writes) => {
        seeds.push(seed);
        const network = await converge(seed, writes);
        dropped += network.dropped;
        duplicated += network.duplicated;
      }),
      { numRuns: 15 },
    );
    console.info(`lossy-network seeds tried: ${seeds.join(' ')}`);
    expect(dropped).toBeGreaterThan(0);
    expect(duplicated).toBeGreaterThan(0);
  });

  it('seed 1, five writers: converges although messages were lost', async () => {
    expect((await converge(1, [[0, 'a', 3], [1, 'a', 4], [2, 'b', -2], [3, 'c', 9], [4, 'a', 1]])).dropped).toBeGreaterThan(0);
  });
});
