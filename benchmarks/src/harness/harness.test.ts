/**
 * The benchmark logic, checked without timing anything: every suite's
 * `check` passes on tiny workloads, the registry is consistent, and the
 * harness refuses to time a suite whose check fails.
 */
import { describe, expect, it } from 'vitest';
import { commitSuite } from '../suites/commit.js';
import { hashBlobSuite } from '../suites/hash-blob.js';
import { hashTreeSuite } from '../suites/hash-tree.js';
import { allSuites } from '../suites/index.js';
import { lastModifiedSuite } from '../suites/last-modified.js';
import { mergeSuite } from '../suites/merge.js';
import { writeObjectsSuite } from '../suites/write-objects.js';
import { judge } from './judge.js';
import type { CaseResult } from './measure.js';
import { summarize } from './measure.js';
import { parseOptions } from './options.js';
import { random } from './random.js';
import { runSuite } from './run-suite.js';
import type { Suite } from './suite.js';

const seed = 7;
const tiny: Suite[] = [
  hashBlobSuite({ seed, count: 8, bytes: 64 }),
  hashTreeSuite({ seed, count: 4, entries: 8 }),
  writeObjectsSuite({ seed, tier: 'quick', count: 60, peer: 'git', isoSubset: 10, sample: 3 }),
  writeObjectsSuite({ seed, tier: 'quick', count: 60, peer: 'isomorphic-git', isoSubset: 10, sample: 3 }),
  commitSuite({ seed, tier: 'quick', backend: 'memory', small: 10, large: 2500 }),
  commitSuite({ seed, tier: 'quick', backend: 'disk', small: 10, large: 2500 }),
  mergeSuite({ seed, tier: 'quick', backend: 'memory', small: 40, large: 2500, changes: 20 }),
  lastModifiedSuite({ seed, tier: 'quick', commits: 40, paths: 20, changedAt: 3 }),
];

describe('suite checks on tiny workloads', () => {
  for (const suite of tiny) {
    it(`${suite.name} gives the right answers`, async () => {
      try {
        await suite.setup();
        await suite.check();
      } finally {
        await suite.teardown?.();
      }
    });
  }
});

describe('the registry', () => {
  it('names each suite once, and its anchor and target case exist', () => {
    const suites = allSuites(1);
    expect(new Set(suites.map((s) => s.name)).size).toBe(suites.length);
    for (const s of suites) {
      const names = s.cases.map((c) => c.name);
      expect(names).toContain(s.anchor);
      if (s.target) expect(names).toContain(s.target.case);
    }
  });
});

describe('the harness', () => {
  it('never times a suite whose check fails, and still tears it down', async () => {
    let timed = 0;
    let tornDown = false;
    const wrong: Suite = {
      name: 'wrong',
      tier: 'quick',
      unit: 'ops',
      setup: async () => {},
      check: async () => {
        throw new Error('wrong answer');
      },
      cases: [{ name: 'a', kind: 'sync', fn: () => timed++ }],
      anchor: 'a',
      teardown: async () => {
        tornDown = true;
      },
    };
    await expect(runSuite(wrong, { minTime: 0.01, rounds: 1 })).rejects.toThrow('wrong answer');
    expect(timed).toBe(0);
    expect(tornDown).toBe(true);
  });

  it('judges speed, cost and seconds targets against the anchor', () => {
    const result = (name: string, hz: number): CaseResult => ({ name, hz, rme: 1, samples: 5, timing: 'benchmark.js' });
    const cases = [result('small', 100), result('big', 40)];
    const base = { name: 's', tier: 'quick', unit: 'ops', setup: async () => {}, check: async () => {}, cases: [], anchor: 'small' } as const;
    const phases = { setup: 0, check: 0, timing: 0 };
    const cost = judge({ ...base, target: { case: 'big', measure: 'cost', direction: 'at-most', value: 3, description: '' } }, cases, phases);
    expect(cost.ratio).toBeCloseTo(2.5);
    expect(cost.met).toBe(true);
    const speed = judge({ ...base, target: { case: 'big', measure: 'speed', direction: 'at-least', value: 0.5, description: '' } }, cases, phases);
    expect(speed.ratio).toBeCloseTo(0.4);
    expect(speed.met).toBe(false);
    const seconds = judge({ ...base, target: { case: 'big', measure: 'seconds', direction: 'at-most', value: 0.02, description: '' } }, cases, phases);
    expect(seconds.measured).toBeCloseTo(0.025);
    expect(seconds.met).toBe(false);
  });

  it('computes the margin of error with Student t', () => {
    expect(summarize([1, 1, 1], 10)).toEqual({ hz: 10, rme: 0 });
    const { hz, rme } = summarize([1, 2, 3], 1);
    expect(hz).toBeCloseTo(0.5);
    expect(rme).toBeCloseTo((4.303 * (1 / Math.sqrt(3)) * 100) / 2);
  });

  it('parses flags and rejects unknown ones', () => {
    const o = parseOptions(['--full', '--filter', '^merge', '--json', 'out.json', '--min-time', '0.5', '--rounds', '2', '--seed', '9']);
    expect(o).toMatchObject({ tier: 'full', json: 'out.json', minTime: 0.5, rounds: 2, seed: 9 });
    expect(o.filter?.test('merge-memory')).toBe(true);
    expect(parseOptions([]).minTime).toBe(1);
    expect(() => parseOptions(['--fast'])).toThrow(/unknown flag/);
    expect(() => parseOptions(['--min-time', 'x'])).toThrow(/number/);
  });

  it('generates the same workload for the same seed', () => {
    expect(random(3).bytes(16)).toEqual(random(3).bytes(16));
    expect(random(3).bytes(16)).not.toEqual(random(4).bytes(16));
    const drawn = random(5).distinct(50, 60);
    expect(new Set(drawn).size).toBe(50);
    expect(drawn.every((n) => n >= 0 && n < 60)).toBe(true);
  });
});
