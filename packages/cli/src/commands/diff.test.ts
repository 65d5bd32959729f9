import { describe, expect, it } from 'vitest';
import { grove, newRepo } from '../testing/harness.js';

describe('grove diff', () => {
  it('prints the changes between branches and commits, one <kind> <path> per line', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'docs/a', '1');
    const before = (await grove(dir, 'set', 'docs/b', '2')).out[0]!;
    await grove(dir, 'branch', 'dev');
    await grove(dir, 'set', 'docs/a', '10', '--branch', 'dev');
    await grove(dir, 'rm', 'docs/b', '--branch', 'dev');
    await grove(dir, 'set', 'c', '3', '--branch', 'dev');
    expect(await grove(dir, 'diff', 'main', 'dev')).toEqual({ code: 0, out: ['added c', 'updated docs/a', 'removed docs/b'], err: [] });
    expect((await grove(dir, 'diff', 'dev', before)).out).toEqual(['removed c', 'updated docs/a', 'added docs/b']);
    expect((await grove(dir, 'diff', 'dev', 'dev')).out).toEqual([]);
  });

  it('prints JSON with the values before and after', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'n', '1', '--type', 'counter');
    await grove(dir, 'branch', 'dev');
    await grove(dir, 'set', 'n', '5', '--type', 'counter', '--branch', 'dev');
    const [change] = JSON.parse((await grove(dir, 'diff', 'main', 'dev', '--json')).out[0]!);
    expect(change).toMatchObject({ path: 'n', kind: 'updated', old: { tag: 'grove/counter@1', value: '1' }, new: { tag: 'grove/counter@1', value: '5' } });
  });

  it('exits 2 for an unknown branch', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'a', '1');
    expect(await grove(dir, 'diff', 'main', 'nope')).toEqual({
      code: 2,
      out: [],
      err: ['grove: no branch or commit "nope"; list branches with grove branches and commits with grove log'],
    });
  });
});
