import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Hash } from '../../objects/hash.js';
import { git, gitAsync, makeCommits, makeTempDir, rawObject, removeTempDirs } from '../../testing/git-fixture.js';
import { openGitBackend } from './index.js';

afterEach(removeTempDirs);

const REF = 'refs/heads/counter';
/** Lost races per value after which a worker must be stuck, not unlucky. */
const MAX_LOST_PER_VALUE = 1000;

/** Moves a ref from what it was read as to the next value; false when the race was lost. */
type Step = (expected: Hash | undefined, next: Hash) => Promise<boolean>;
type Read = () => Promise<Hash | undefined>;

/**
 * Runs one worker per step, together moving a counter ref through `values`
 * (value i means count i), each worker retrying until it made `values.length
 * / steps.length` moves. Returns the value index each success reached, and
 * how many attempts lost a race.
 */
async function count(read: Read, steps: readonly Step[], values: readonly Hash[]): Promise<{ reached: number[]; lost: number }> {
  const increments = values.length / steps.length;
  const indexOf = new Map(values.map((v, i) => [v, i]));
  const reached: number[] = [];
  let lost = 0;
  await Promise.all(
    steps.map(async (step) => {
      for (let done = 0; done < increments; ) {
        const current = await read();
        const next = current === undefined ? 0 : indexOf.get(current)! + 1;
        if (await step(current, values[next]!)) {
          reached.push(next);
          done++;
        } else if (++lost > MAX_LOST_PER_VALUE * values.length) {
          throw new Error('compare-and-set makes no progress');
        }
      }
    }),
  );
  return { reached, lost };
}

/** Every value was reached exactly once, the ref holds the last, and no lock file is left. */
function expectNoLostUpdate(dir: string, reached: number[], values: readonly Hash[]): void {
  expect(reached).toHaveLength(values.length);
  expect(new Set(reached).size).toBe(values.length);
  expect(git(dir, ['rev-parse', REF])).toBe(values.at(-1));
  expect(readdirSync(join(dir, 'refs', 'heads'))).toEqual(['counter']);
}

describe('concurrent compare-and-set', () => {
  it('two backends on one repository never lose or repeat a transition', async () => {
    const dir = makeTempDir();
    const [a, b] = [await openGitBackend(dir), await openGitBackend(dir)];
    const steps = [a, b].flatMap((backend) => Array.from({ length: 6 }, (): Step => (from, to) => backend.refs.compareAndSet(REF, from, to)));
    const values = Array.from({ length: steps.length * 8 }, (_, i) => rawObject('blob', String(i)).hash);
    const { reached, lost } = await count(() => a.refs.read(REF), steps, values);
    expect(lost).toBeGreaterThan(0); // the workers really raced
    expectNoLostUpdate(dir, reached, values);
    expect(await b.refs.read(REF)).toBe(values.at(-1));
  });

  it('interleaves safely with git update-ref running at the same time', async () => {
    const dir = makeTempDir();
    const backend = await openGitBackend(dir);
    const ours = Array.from({ length: 3 }, (): Step => (from, to) => backend.refs.compareAndSet(REF, from, to));
    const gits = Array.from({ length: 2 }, (): Step => async (from, to) => (await gitAsync(dir, ['update-ref', REF, to, from ?? ''])) === 0);
    const values = makeCommits(dir, (ours.length + gits.length) * 6); // git moves branches only to commits it has
    const { reached } = await count(() => backend.refs.read(REF), [...ours, ...gits], values);
    expectNoLostUpdate(dir, reached, values);
  });
});
