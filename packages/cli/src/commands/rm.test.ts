import { Repo } from '@grove/store';
import { describe, expect, it } from 'vitest';
import { grove, newRepo } from '../testing/harness.js';

describe('grove rm', () => {
  it('removes a value or a whole folder in a new commit and prints it', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'a/x', '1');
    await grove(dir, 'set', 'a/y', '2');
    await grove(dir, 'set', 'b', '3');
    const { code, out } = await grove(dir, 'rm', 'a/x', '-m', 'drop x');
    expect(code).toBe(0);
    const main = (await Repo.open(dir)).branch('main');
    expect(out).toEqual([await main.head()]);
    expect((await main.repo.readCommit(out[0]!)).message).toBe('drop x\n');
    expect((await grove(dir, 'ls', 'a')).out).toEqual(['y']);
    expect((await grove(dir, 'rm', 'a')).code).toBe(0);
    expect((await grove(dir, 'ls')).out).toEqual(['b']);
  });

  it('exits 1 when there is nothing to remove, and commits nothing', async () => {
    const dir = await newRepo();
    expect(await grove(dir, 'rm', 'x')).toEqual({ code: 1, out: [], err: ['grove: nothing at x on branch main'] });
    expect(await (await Repo.open(dir)).branches()).toEqual([]);
    await grove(dir, 'set', 'a', '1');
    const head = (await grove(dir, 'snapshot')).out;
    expect((await grove(dir, 'rm', 'b')).code).toBe(1);
    expect((await grove(dir, 'snapshot')).out).toEqual(head);
  });
});
