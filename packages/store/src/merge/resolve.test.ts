import { counter, mapOf, record, codecs, defaultMerge } from '@grove/merge';
import { describe, expect, it } from 'vitest';
import { Repo, json, text, type Branch } from '../index.js';

const person = record({ name: defaultMerge(codecs.string), age: counter });

/** main and dev forked, then both changed `title`, a field of `ada` and key `x` of `tags`; `n` merges by type. */
async function conflicting(): Promise<{ main: Branch; dev: Branch }> {
  const repo = Repo.memory();
  const main = repo.branch('main');
  await main.update(async (tx) => {
    await tx.set(['docs', 'title'], 'base', text);
    await tx.set(['ada'], { name: 'Ada', age: 36n }, person);
    await tx.set(['tags'], new Map([['x', { v: 0 }]]), mapOf(json));
    await tx.set(['n'], 1n, counter);
  });
  const dev = await main.fork('dev');
  for (const [branch, side, n] of [[main, 'ours', 2n], [dev, 'theirs', 5n]] as const) {
    await branch.update(async (tx) => {
      await tx.set(['docs', 'title'], side, text);
      await tx.set(['ada'], { name: side, age: 36n }, person);
      await tx.set(['tags'], new Map([['x', { v: side }]]), mapOf(json));
      await tx.set(['n'], n, counter);
    });
  }
  return { main, dev };
}

describe('settling merge conflicts', () => {
  it('without a strategy or resolutions, conflicts come back and the branch is untouched', async () => {
    const { main, dev } = await conflicting();
    const head = await main.head();
    const outcome = await main.merge(dev);
    expect(outcome.kind).toBe('conflict');
    expect(await main.head()).toBe(head);
  });

  it.each(['ours', 'theirs'] as const)('strategy %s takes that side at the entry holding each conflict, and merges the rest by type', async (side) => {
    const { main, dev } = await conflicting();
    const outcome = await main.merge(dev, { strategy: side });
    expect(outcome.kind).toBe('merged');
    expect(await main.get(['docs', 'title'])).toBe(side);
    expect(await main.get(['ada'])).toEqual({ name: side, age: 36n });
    expect(await main.get(['tags'])).toEqual(new Map([['x', { v: side }]]));
    expect(await main.get(['n'])).toBe(6n);
  });

  it('resolutions settle per entry (a path inside a value settles its entry), a value may be given, the rest stay conflicts', async () => {
    const { main, dev } = await conflicting();
    const partial = await main.merge(dev, { resolutions: [{ path: ['docs', 'title'], take: 'theirs' }] });
    expect(partial.kind === 'conflict' && partial.conflicts.map((c) => c.path.join('/')).sort()).toEqual(['ada/name', 'tags/x']);
    const outcome = await main.merge(dev, {
      resolutions: [
        { path: ['docs'], take: 'theirs' },
        { path: ['ada', 'name'], take: 'ours' },
        { path: ['tags'], value: new Map([['x', { v: 'both' }]]), type: mapOf(json) },
      ],
    });
    expect(outcome.kind).toBe('merged');
    expect(await main.get(['docs', 'title'])).toBe('theirs');
    expect(await main.get(['ada'])).toEqual({ name: 'ours', age: 36n });
    expect(await main.get(['tags'])).toEqual(new Map([['x', { v: 'both' }]]));
    expect(await main.get(['n'])).toBe(6n);
  });
});
