import { Repo } from '@grove/store';
import { describe, expect, it } from 'vitest';
import { grove, newRepo } from '../testing/harness.js';

describe('grove revert', () => {
  it('commits the contents of a snapshot on top of the history', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'a', '1');
    const snapshot = (await grove(dir, 'snapshot')).out[0]!;
    await grove(dir, 'set', 'a', '2');
    await grove(dir, 'set', 'b', '3');
    const { code, out } = await grove(dir, 'revert', snapshot, '-m', 'back to one');
    expect(code).toBe(0);
    expect((await grove(dir, 'get', 'a')).out).toEqual(['1']);
    expect((await grove(dir, 'ls')).out).toEqual(['a']);
    const commit = await (await Repo.open(dir)).readCommit(out[0]!);
    expect(commit.message).toBe('back to one\n');
    expect(commit.tree).toBe((await (await Repo.open(dir)).readCommit(snapshot)).tree);
    expect((await grove(dir, 'log')).out).toHaveLength(4);
  });

  it('prints the head unchanged when the branch already holds the snapshot', async () => {
    const dir = await newRepo();
    const head = (await grove(dir, 'set', 'a', '1')).out[0];
    expect(await grove(dir, 'revert', head!)).toEqual({ code: 0, out: [head], err: [] });
    expect((await grove(dir, 'log')).out).toHaveLength(1);
  });

  it('exits 2 for an unknown commit or branch', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'a', '1');
    const { code, err } = await grove(dir, 'revert', 'f'.repeat(40));
    expect(code).toBe(2);
    expect(err).toEqual([`grove: no object ${'f'.repeat(40)} in this repository; check the id, or fetch it from a replica that has it`]);
    expect((await grove(dir, 'revert', 'nope')).err).toEqual(['grove: no branch or commit "nope"; list branches with grove branches and commits with grove log']);
  });
});
