/**
 * Times cases, interleaved: the cases of a suite take turns over several
 * rounds, so a burst of load on a shared machine falls on all of them and
 * their ratios hold. benchmark.js times `sync` and `async` cases (a
 * `Benchmark.Suite` per round, `defer: true` for async ones); `manual`
 * cases are timed with `performance.now()` around each run, round-robin.
 * Either way a case gets at least `minSamples` samples and `minTime`
 * seconds in all, and its margin of error follows benchmark.js's rule
 * (Student's t, 95%) over the samples of every round.
 */
import Benchmark from 'benchmark';
import type { Case } from './suite.js';

/** One case's speed: `hz` operations per second (calls × batch), ±`rme` percent. */
export interface CaseResult {
  readonly name: string;
  readonly hz: number;
  /** Relative margin of error, percent, at 95% confidence. */
  readonly rme: number;
  readonly samples: number;
  readonly timing: 'benchmark.js' | 'manual';
}

/** How long, how often and in how many interleaved rounds each case is sampled. */
export interface Sampling {
  readonly minTime: number;
  readonly minSamples: number;
  readonly rounds: number;
}

/** Student's t two-sided 95% critical values for 1..30 degrees of freedom (then 1.96). */
const T95 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093,
  2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

/** Operations per second and the relative margin of error from seconds per call. */
export function summarize(seconds: readonly number[], batch: number): { hz: number; rme: number } {
  const n = seconds.length;
  const mean = seconds.reduce((a, b) => a + b, 0) / n;
  const variance = n < 2 ? 0 : seconds.reduce((a, s) => a + (s - mean) ** 2, 0) / (n - 1);
  const sem = Math.sqrt(variance / n);
  return { hz: batch / mean, rme: ((T95[n - 2] ?? 1.96) * sem * 100) / mean };
}

/** Times every case; results in the order of `cases`. */
export async function measureCases(cases: readonly Case[], sampling: Sampling): Promise<CaseResult[]> {
  const seconds = new Map<string, number[]>(cases.map((c) => [c.name, []]));
  const perRound = { minTime: sampling.minTime / sampling.rounds, minSamples: Math.ceil(sampling.minSamples / sampling.rounds) };
  for (let round = 0; round < sampling.rounds; round++) {
    for (const [name, periods] of await runBenchmarkJs(cases, perRound)) seconds.get(name)!.push(...periods);
    await runManually(cases, perRound, seconds);
  }
  return cases.map((c) => {
    const s = seconds.get(c.name)!;
    return { name: c.name, ...summarize(s, c.batch ?? 1), samples: s.length, timing: c.kind === 'manual' ? 'manual' : 'benchmark.js' };
  });
}

type RoundSampling = Omit<Sampling, 'rounds'>;

/** One round of the benchmark.js cases as one `Benchmark.Suite`: each case's seconds per call. */
function runBenchmarkJs(cases: readonly Case[], { minTime, minSamples }: RoundSampling): Promise<Map<string, number[]>> {
  const suite = new Benchmark.Suite();
  const timed: [Case, Benchmark][] = [];
  let failure: unknown;
  for (const c of cases) {
    if (c.kind === 'manual') continue;
    const fn =
      c.kind === 'sync'
        ? c.fn
        : (deferred: Benchmark.Deferred) => {
            c.fn().then(
              () => deferred.resolve(),
              (e: unknown) => {
                failure ??= e;
                suite.abort();
              },
            );
          };
    const bench = new Benchmark(c.name, fn, { maxTime: minTime, minSamples, defer: c.kind === 'async' });
    suite.push(bench);
    timed.push([c, bench]);
  }
  if (timed.length === 0) return Promise.resolve(new Map());
  return new Promise((resolve, reject) => {
    suite.on('complete abort', () => {
      failure ??= timed.find(([, b]) => b.error !== undefined)?.[1].error;
      if (failure !== undefined) reject(failure);
      else resolve(new Map(timed.map(([c, b]) => [c.name, b.stats.sample])));
    });
    suite.run({ async: true });
  });
}

/** One round of the manual cases, taking turns one run at a time until each has its share. */
async function runManually(cases: readonly Case[], { minTime, minSamples }: RoundSampling, seconds: Map<string, number[]>): Promise<void> {
  const manual = cases.filter((c) => c.kind === 'manual');
  const taken = new Map(manual.map((c) => [c.name, { runs: 0, total: 0 }]));
  const needsMore = (c: Case) => {
    const t = taken.get(c.name)!;
    return t.runs < minSamples || t.total < minTime;
  };
  for (let pending = manual; pending.length > 0; pending = pending.filter(needsMore)) {
    for (const c of pending) {
      const run = await c.prepare();
      const start = performance.now();
      await run();
      const s = (performance.now() - start) / 1000;
      seconds.get(c.name)!.push(s);
      const t = taken.get(c.name)!;
      t.runs++;
      t.total += s;
    }
  }
}
