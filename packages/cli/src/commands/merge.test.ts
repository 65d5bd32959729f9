import { Repo } from '@grove/store';
import { describe, expect, it } from 'vitest';
import { grove, newRepo } from '../testing/harness.js';

/** A repository with `main` and `dev` forked after `docs/title` = base and `hits` = 10. */
async function forked(): Promise<string> {
  const dir = await newRepo();
  await grove(dir, 'set', 'docs/title', 'base');
  await grove(dir, 'set', 'hits', '10', '--type', 'counter');
  await grove(dir, 'branch', 'dev');
  return dir;
}

describe('grove merge', () => {
  it('fast-forwards, and says when there is nothing to merge', async () => {
    const dir = await forked();
    const head = (await grove(dir, 'set', 'x', '1', '--branch', 'dev')).out[0];
    expect(await grove(dir, 'merge', 'dev')).toEqual({ code: 0, out: [`fast-forward ${head}`], err: [] });
    expect(await grove(dir, 'merge', 'dev')).toEqual({ code: 0, out: [`up-to-date ${head}`], err: [] });
    expect((await grove(dir, 'merge', head!)).out).toEqual([`up-to-date ${head}`]);
  });

  it('merges each value by its type in a merge commit with both parents', async () => {
    const dir = await forked();
    await grove(dir, 'set', 'hits', '13', '--type', 'counter', '--branch', 'dev');
    const devHead = (await grove(dir, 'set', 'docs/title', 'new title', '--branch', 'dev')).out[0];
    const mainHead = (await grove(dir, 'set', 'hits', '15', '--type', 'counter')).out[0];
    const { code, out } = await grove(dir, 'merge', 'dev', '-m', 'bring dev in', '--author', 'Ada <ada@example.com>');
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^merged [0-9a-f]{40}$/);
    const commit = await (await Repo.open(dir)).readCommit(out[0]!.slice('merged '.length));
    expect(commit).toMatchObject({ parents: [mainHead, devHead], message: 'bring dev in\n', author: { name: 'Ada' } });
    expect((await grove(dir, 'get', 'hits')).out).toEqual(['18']);
    expect((await grove(dir, 'get', 'docs/title')).out).toEqual(['new title']);
  });

  it('on a conflict prints it path first, leaves the branch as it was and exits 1', async () => {
    const dir = await forked();
    await grove(dir, 'set', 'docs/title', 'ours');
    await grove(dir, 'set', 'docs/title', 'theirs', '--branch', 'dev');
    const before = (await grove(dir, 'snapshot')).out;
    const { code, out, err } = await grove(dir, 'merge', 'dev');
    expect(code).toBe(1);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^docs\/title both-modified: \S/);
    expect(err).toEqual(['grove: 1 conflict merging dev into main, which is unchanged; make both sides hold the same value at that path, then merge again']);
    expect((await grove(dir, 'snapshot')).out).toEqual(before);
    await grove(dir, 'set', 'docs/title', 'theirs');
    expect((await grove(dir, 'merge', 'dev')).code).toBe(0);
  });

  it('exits 2 for a branch that does not exist', async () => {
    const dir = await forked();
    expect(await grove(dir, 'merge', 'nope')).toEqual({
      code: 2,
      out: [],
      err: ['grove: branch nope has no commits; list branches with grove branches, or write one with grove set'],
    });
  });
});
