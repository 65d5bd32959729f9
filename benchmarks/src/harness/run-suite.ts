/** One suite, start to end: set up, check the answer, time the cases, clean up, judge. */
import { judge, type SuiteResult } from './judge.js';
import { measureCases, type Sampling } from './measure.js';
import type { Suite } from './suite.js';

/** Runs `suite`; a failed check throws before anything is timed. `minSamples` defaults to the suite's, else 5. */
export async function runSuite(suite: Suite, sampling: Omit<Sampling, 'minSamples'>): Promise<SuiteResult> {
  const seconds = (since: number) => (performance.now() - since) / 1000;
  try {
    let start = performance.now();
    await suite.setup();
    const setup = seconds(start);
    start = performance.now();
    await suite.check();
    const check = seconds(start);
    start = performance.now();
    const cases = await measureCases(suite.cases, { ...sampling, minSamples: suite.minSamples ?? 5 });
    return judge(suite, cases, { setup, check, timing: seconds(start) });
  } finally {
    await suite.teardown?.();
  }
}
