/**
 * Model-based test of sync rounds (fc.commands): replicas increment counters
 * and sync through one server in any order; after every step each replica
 * and the server hold what a naive model of "pending increments per
 * replica" says.
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
import { syncBranch } from './sync-branch.js';

const KEYS = ['a', 'b'] as const;
type Key = (typeof KEYS)[number];

/** The model: the server's counters, each replica's view, and the server's values each replica last synced with. */
interface Model {
  server: Record<Key, bigint>;
  views: Record<Key, bigint>[];
  bases: Record<Key, bigint>[];
}

interface Real {
  server: Repo;
  replicas: { repo: Repo; remote: Remote }[];
}

const read = async (repo: Repo, key: Key) => (await repo.branch('main').get<bigint>([key], counter)) ?? 0n;

class Increment implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: number, readonly key: Key, readonly delta: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const { repo } = real.replicas[this.who]!;
    await repo.branch('main').update(async (tx) => tx.set([this.key], (await read(repo, this.key)) + BigInt(this.delta), counter));
    model.views[this.who]![this.key] += BigInt(this.delta);
    expect(await read(repo, this.key)).toBe(model.views[this.who]![this.key]);
  }
  toString = () => `increment(${this.who}, ${this.key}, ${this.delta})`;
}

class Sync implements fc.AsyncCommand<Model, Real> {
  constructor(readonly who: number) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const { repo, remote } = real.replicas[this.who]!;
    await syncBranch(repo, remote, 'main');
    const view = model.views[this.who]!;
    for (const key of KEYS) {
      // Merged by the counter's rule: the server gains what this replica added since its last sync.
      const base = model.bases[this.who]!;
      model.server[key] += view[key] - base[key];
      view[key] = base[key] = model.server[key];
      expect(await read(repo, key)).toBe(view[key]);
      expect(await read(real.server, key)).toBe(model.server[key]);
    }
  }
  toString = () => `sync(${this.who})`;
}

describe('sync rounds against a model', () => {
  it('every replica and the server hold what the model says after any sequence of increments and syncs', async () => {
    const commands = [
      fc.tuple(fc.nat(2), fc.constantFrom(...KEYS), fc.integer({ min: -9, max: 9 })).map(([w, k, d]) => new Increment(w, k, d)),
      fc.nat(2).map((w) => new Sync(w)),
    ];
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 30 }), async (cmds) => {
        const server = Repo.memory({ clock: steppingClock() });
        for (const key of KEYS) await server.branch('main').set([key], 0n, { type: counter });
        const transport = inProcess(createGroveHandler(server));
        const replicas = await Promise.all(
          [0, 1, 2].map(async (i) => {
            const repo = Repo.memory({ clock: steppingClock(2e12 + i * 1e10) });
            const remote = new Remote('origin', transport);
            await clone(repo, remote);
            return { repo, remote };
          }),
        );
        const zero = () => ({ a: 0n, b: 0n });
        const model: Model = { server: zero(), views: [zero(), zero(), zero()], bases: [zero(), zero(), zero()] };
        await fc.asyncModelRun(() => ({ model, real: { server, replicas } }), cmds);
      }),
      { numRuns: 50 },
    );
  });
});
