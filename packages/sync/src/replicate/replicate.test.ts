/** Live replication through one server: convergence, and every failure kind on the failure channel. */
import { counter } from '@grove/merge';
import { Repo, type Failure } from '@grove/store';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clone } from '../client/pull.js';
import { Remote } from '../client/remote.js';
import { createGroveHandler } from '../server/http-server.js';
import { FakeTimers } from '../testing/fake-timers.js';
import { serveForTest, steppingClock } from '../testing/server.js';
import { inProcess } from '../transport/in-process.js';
import type { Transport } from '../transport/transport.js';
import { replicate } from './replicate.js';

const KEYS = ['a', 'b', 'c'];
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function seededServer(): Promise<Repo> {
  const server = Repo.memory({ clock: steppingClock() });
  for (const key of KEYS) await server.branch('main').set([key], 0n, { type: counter });
  return server;
}

async function replicaOf(transport: Transport, i: number): Promise<Repo> {
  const repo = Repo.memory({ clock: steppingClock(2e12 + i * 1e10) });
  await clone(repo, new Remote('origin', transport));
  return repo;
}

describe('replicate', () => {
  it('five replicas converge through one server after random concurrent writes (counters sum)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(fc.nat(4), fc.constantFrom(...KEYS), fc.integer({ min: -5, max: 9 })), { maxLength: 25 }), async (writes) => {
        const server = await seededServer();
        const transport = inProcess(createGroveHandler(server));
        const replicas = await Promise.all([0, 1, 2, 3, 4].map((i) => replicaOf(transport, i)));
        const timers = new FakeTimers();
        const runs = replicas.map((r) => replicate(r, new Remote('origin', transport), { branches: ['main'], interval: 1000, timers, follow: false }));
        await Promise.all(
          writes.map(async ([who, key, delta]) => {
            await replicas[who]!.branch('main').update(async (tx) => tx.set([key], ((await tx.get<bigint>([key], counter)) ?? 0n) + BigInt(delta), counter));
          }),
        );
        const heads = async () => new Set(await Promise.all([server, ...replicas].map((r) => r.branch('main').head())));
        for (let step = 0; step < 200 && (await heads()).size > 1; step++) {
          await Promise.all(runs.map((r) => r.idle()));
          timers.next();
          await settle();
        }
        expect((await heads()).size).toBe(1);
        for (const key of KEYS) {
          const expected = writes.filter(([, k]) => k === key).reduce((sum, [, , d]) => sum + BigInt(d), 0n);
          expect(await server.branch('main').get([key], counter)).toBe(expected);
        }
        await Promise.all(runs.map((r) => r.stop()));
        expect(replicas.map((r) => r.failures.drain().failures.filter((f) => (f.error as { code?: string }).code !== 'rejected'))).toEqual(replicas.map(() => []));
      }),
      { numRuns: 8 },
    );
  });

  it('reports unreachable, auth, rejected and conflict failures, and stops cleanly', async () => {
    const server = await seededServer();
    const handler = createGroveHandler(server);
    const replica = await replicaOf(inProcess(handler), 0);
    const seen: Failure[] = [];
    replica.failures.subscribe((f) => seen.push(f));
    const codes = () => seen.map((f) => (f.error as { code: string }).code);
    const timers = new FakeTimers();
    const run = async (transport: Transport) => {
      const r = replicate(replica, new Remote('origin', transport), { branches: ['main'], timers, backoff: { initial: 10, max: 40 }, follow: false });
      await r.idle();
      return r;
    };

    let r = await run(Remote.http('origin', 'http://127.0.0.1:1/').transport);
    expect(codes()).toEqual(['unreachable']);
    timers.next(); // the retry after backoff fails again, and is reported again
    await r.idle();
    expect(codes()).toEqual(['unreachable', 'unreachable']);
    expect(r.failures).toBe(2);
    await r.stop();
    seen.length = 0;

    r = await run(inProcess(createGroveHandler(server, { writeToken: 't', readToken: 'r' })));
    expect(codes()).toEqual(['auth']);
    expect(r.failures).toBe(1);
    await r.stop();

    // Someone else commits between our look at the remote and our push: the push is rejected, then retried.
    let raced = false;
    const racing: Transport = {
      url: 'racing://',
      async request(request) {
        if (request.method === 'POST' && request.path === 'git-receive-pack' && !raced) {
          raced = true;
          await server.branch('main').set(['b'], 100n, { type: counter });
        }
        return inProcess(handler).request(request);
      },
    };
    await replica.branch('main').set(['a'], 1n, { type: counter });
    r = await run(racing);
    expect(codes()).toEqual(['auth', 'rejected']);
    timers.next();
    await r.idle();
    expect(await server.branch('main').get(['a'], counter)).toBe(1n);
    expect(r.failures).toBe(0);
    await r.stop();

    await server.branch('main').set(['c'], 'theirs');
    await replica.branch('main').set(['c'], 'ours');
    r = await run(inProcess(handler));
    expect(codes()).toEqual(['auth', 'rejected', 'conflict']);
    await r.stop();
    expect(await replica.branch('main').get(['c'])).toBe('ours');
  });

  it('follows the server feed: a commit on one replica reaches the other with no polling', async () => {
    const server = await seededServer();
    const transport = inProcess(createGroveHandler(server));
    const [a, b] = await Promise.all([replicaOf(transport, 0), replicaOf(transport, 1)]);
    const timers = new FakeTimers(); // never advanced: nothing polls
    const runs = [a!, b!].map((r) => replicate(r, new Remote('origin', transport), { branches: ['main'], timers }));
    await Promise.all(runs.map((r) => r.idle()));
    const arrived = new Promise<void>((resolve) => b!.onRefMoved('refs/heads/main', resolve));
    await a!.branch('main').set(['a'], 5n, { type: counter });
    await arrived;
    await Promise.all(runs.map((r) => r.idle()));
    expect(await b!.branch('main').get(['a'], counter)).toBe(5n);
    await Promise.all(runs.map((r) => r.stop()));
    expect([...a!.failures.drain().failures, ...b!.failures.drain().failures]).toEqual([]);
  });

  it('follows the feed of a server over HTTP: a REST write on the server reaches the replica with no polling', async () => {
    const server = await seededServer();
    const { url } = await serveForTest(server);
    const replica = await replicaOf(inProcess(createGroveHandler(server)), 0);
    const timers = new FakeTimers();
    const run = replicate(replica, Remote.http('origin', url), { branches: ['main'], timers });
    await run.idle();
    const arrived = new Promise<void>((resolve) => replica.onRefMoved('refs/heads/main', resolve));
    const put = await globalThis.fetch(`${url}api/branches/main/values/b`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tag: counter.tag, value: '7' }) });
    expect(put.status).toBe(200);
    await arrived;
    await run.idle();
    expect(await replica.branch('main').get(['b'], counter)).toBe(7n);
    await run.stop();
    expect(replica.failures.drain().failures).toEqual([]);
  });
});
