/** The queue's document handle by example. */
import { codecs } from '@grove/merge';
import { document, Repo, type Handles } from '@grove/store';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { queue } from './index.js';

let now = 1_000;
const Jobs = queue(codecs.string, { replica: 'ada', clock: () => now++ });
const schema = { jobs: Jobs.stored };

describe('queue handle', () => {
  it('pushes and pops in one commit, and reads the queue back', async () => {
    const doc = document(Repo.memory().branch('main'), schema);
    await doc.change(async (d) => {
      await d.jobs.push('build');
      await d.jobs.push('test');
      await d.jobs.push('lint');
    });
    const ran = await doc.change(async (d) => {
      expect(await d.jobs.pop()).toBe('build');
    });
    expect(ran?.parents).toHaveLength(1);
    expect(await doc.read(async (d) => [await d.jobs.peek(), await d.jobs.size(), await d.jobs.values()])).toEqual(['test', 2, ['test', 'lint']]);
    expect(await doc.change(async (d) => [await d.jobs.pop(), await d.jobs.pop(), await d.jobs.pop()])).toBeDefined();
    expect(await doc.read((d) => d.jobs.pop().catch((e: { code: string }) => e.code))).toBe('read-only');
    expect(await doc.change((d) => d.jobs.pop())).toBeUndefined();
    const wrong = (d: Handles<typeof schema>) => {
      // @ts-expect-error a queue of strings takes strings
      void d.jobs.push(1);
    };
    expectTypeOf(wrong).toBeFunction();
  });
});
