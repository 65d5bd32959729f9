/**
 * The Grove server's REST API under load on loopback: `concurrency`
 * clients issue `requests` GETs (or PUTs) of one value; each run counts
 * as `requests` operations, so ops/s is requests/s. The p99 latency and the
 * error count of every run are printed after the suite; any error fails it.
 */
import { Repo } from '@grove/store';
import { serve, type RunningServer } from '@grove/sync';
import type { Suite, Tier } from '../harness/suite.js';

export interface RestLoad {
  readonly tier: Tier;
  readonly requests: number;
  readonly concurrency: number;
}

/** Issues `requests` calls of `one` with `concurrency` in flight; returns each latency in ms. */
async function load(requests: number, concurrency: number, one: (i: number) => Promise<Response>): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      const i = next++;
      const start = performance.now();
      const response = await one(i);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`request ${i} answered ${response.status}`);
      latencies.push(performance.now() - start);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return latencies;
}

function p99(latencies: readonly number[]): number {
  const sorted = [...latencies].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!;
}

export function syncRestSuite({ tier, requests, concurrency }: RestLoad): Suite {
  const getCase = `GET value, ${concurrency} clients`;
  const putCase = `PUT value (a commit each), ${concurrency} clients`;
  let server: RunningServer;
  const tails = new Map<string, number[]>();
  const get = () => globalThis.fetch(`${server.url}api/branches/main/values/docs/readme`);
  const put = (i: number) => globalThis.fetch(`${server.url}api/branches/main/values/k/${i % 100}`, { method: 'PUT', body: JSON.stringify({ tag: 'text', value: `v${i}` }) });
  const timed = (name: string, one: (i: number) => Promise<Response>) => async () => {
    const latencies = await load(requests, concurrency, one);
    tails.set(name, [...(tails.get(name) ?? []), p99(latencies)]);
  };

  return {
    name: 'sync-rest',
    tier,
    unit: 'requests',
    minSamples: 5,
    async setup() {
      const repo = Repo.memory();
      await repo.branch('main').set(['docs', 'readme'], 'hello');
      server = await serve(repo);
    },
    async check() {
      const value = (await (await get()).json()) as { tag: string; value: string };
      if (value.tag !== 'text' || value.value !== 'hello') throw new Error(`GET answered ${JSON.stringify(value)}`);
      await load(50, concurrency, put);
      const written = (await (await globalThis.fetch(`${server.url}api/branches/main/values/k/49`)).json()) as { value: string };
      if (written.value !== 'v49') throw new Error('a PUT did not land');
    },
    cases: [
      { name: getCase, kind: 'manual', batch: requests, prepare: async () => timed(getCase, get) },
      { name: putCase, kind: 'manual', batch: requests, prepare: async () => timed(putCase, put) },
    ],
    anchor: getCase,
    async teardown() {
      for (const [name, runs] of tails) console.log(`p99 ${name}: ${Math.max(...runs).toFixed(1)} ms (worst run of ${runs.length}; 0 errors)`);
      await server.close();
    },
  };
}
