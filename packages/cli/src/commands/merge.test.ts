import { existsSync } from 'node:fs';
import { join } from 'node:path';
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
    expect(err).toEqual([
      'grove: 1 conflict merging dev into main, which is unchanged; settle each PATH with grove resolve PATH --ours|--theirs|--value VALUE, ' +
        'then grove merge --continue (or drop the merge: grove merge --abort)',
    ]);
    expect((await grove(dir, 'snapshot')).out).toEqual(before);
    expect((await grove(dir, 'merge', '--abort')).out).toEqual(['aborted merge of dev into main']);
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

  it.each([
    ['ours', 'ours', '{"a":"ours"}'],
    ['theirs', 'theirs', '{"a":"theirs"}'],
  ])('--strategy %s takes that side at each conflict, merges the rest by type, in one merge commit', async (strategy, title, names) => {
    const dir = await forked();
    await grove(dir, 'map', 'set', 'names', 'a', 'base', '--type', 'map<text>');
    await grove(dir, 'branch', 'feature');
    await grove(dir, 'set', 'docs/title', 'ours');
    await grove(dir, 'map', 'set', 'names', 'a', 'ours');
    await grove(dir, 'set', 'hits', '11', '--type', 'counter');
    await grove(dir, 'set', 'docs/title', 'theirs', '--branch', 'feature');
    await grove(dir, 'map', 'set', 'names', 'a', 'theirs', '--branch', 'feature');
    await grove(dir, 'set', 'hits', '15', '--type', 'counter', '--branch', 'feature');
    const [ours, theirs] = [(await grove(dir, 'snapshot')).out[0], (await grove(dir, 'snapshot', '--branch', 'feature')).out[0]];
    const { code, out } = await grove(dir, 'merge', 'feature', '--strategy', strategy);
    expect(code).toBe(0);
    const commit = await (await Repo.open(dir)).readCommit(out[0]!.slice('merged '.length));
    expect(commit.parents).toEqual([ours, theirs]);
    expect((await grove(dir, 'get', 'docs/title')).out).toEqual([title]);
    expect((await grove(dir, 'get', 'names')).out).toEqual([names]);
    expect((await grove(dir, 'get', 'hits')).out).toEqual(['16']);
  });

  it('a conflicting merge is pending until every path is resolved; --continue writes it with both parents', async () => {
    const dir = await forked();
    await grove(dir, 'set', 'cfg', '{"v":0}', '--type', 'json', '-m', 'base cfg');
    await grove(dir, 'map', 'set', 'names', 'a', 'base', '--type', 'map<text>');
    await grove(dir, 'branch', 'feature');
    for (const [branch, side] of [['main', 'ours'], ['feature', 'theirs']]) {
      await grove(dir, 'set', 'docs/title', side!, '--branch', branch!);
      await grove(dir, 'set', 'cfg', `{"v":"${side}"}`, '--type', 'json', '--branch', branch!);
      await grove(dir, 'map', 'set', 'names', 'a', side!, '--branch', branch!);
    }
    const [ours, theirs] = [(await grove(dir, 'snapshot')).out[0], (await grove(dir, 'snapshot', '--branch', 'feature')).out[0]];
    const merging = await grove(dir, 'merge', 'feature', '--json');
    expect(merging.code).toBe(1);
    const conflicts = JSON.parse(merging.out[0]!) as { outcome: string; conflicts: { path: string }[] };
    expect(conflicts.outcome).toBe('conflict');
    expect(conflicts.conflicts.map((c) => c.path).sort()).toEqual(['cfg', 'docs/title', 'names/a']);
    expect(existsSync(join(dir, 'GROVE_MERGE'))).toBe(true);

    expect(await grove(dir, 'merge', 'feature')).toMatchObject({ code: 2, err: [expect.stringMatching(/^grove: a merge of feature into main is pending; finish it with grove merge --continue/)] });
    expect(await grove(dir, 'merge', '--continue')).toEqual({ code: 1, out: [], err: ['grove: 3 paths still in conflict: cfg, docs/title, names; settle each with grove resolve PATH --ours|--theirs|--value VALUE'] });
    expect(await grove(dir, 'resolve', 'hits', '--ours')).toMatchObject({ code: 2, err: ['grove: hits is not in conflict; the paths in conflict are cfg, docs/title, names'] });
    expect(await grove(dir, 'resolve', 'docs/title', '--theirs')).toEqual({ code: 0, out: ['resolved docs/title'], err: ['grove: still in conflict: cfg, names'] });
    expect((await grove(dir, 'resolve', 'names/a', '--ours')).out).toEqual(['resolved names']);
    expect(await grove(dir, 'resolve', 'cfg', '--value', '{"v":"both"}')).toEqual({ code: 0, out: ['resolved cfg'], err: ['grove: every conflict is resolved; write the merge with grove merge --continue'] });
    expect((await grove(dir, 'snapshot')).out[0]).toBe(ours);

    const done = await grove(dir, 'merge', '--continue');
    expect(done.code).toBe(0);
    const commit = await (await Repo.open(dir)).readCommit(done.out[0]!.slice('merged '.length));
    expect(commit).toMatchObject({ parents: [ours, theirs], message: 'merge feature into main\n' });
    expect((await grove(dir, 'get', 'docs/title')).out).toEqual(['theirs']);
    expect((await grove(dir, 'get', 'names')).out).toEqual(['{"a":"ours"}']);
    expect((await grove(dir, 'get', 'cfg')).out).toEqual(['{"v":"both"}']);
    expect(existsSync(join(dir, 'GROVE_MERGE'))).toBe(false);
    expect(await grove(dir, 'merge', '--continue')).toMatchObject({ code: 2, err: ['grove: no merge is pending; a grove merge FROM that conflicts starts one'] });
  });

  it('--abort drops the pending merge and its resolutions; the branch never moved', async () => {
    const dir = await forked();
    await grove(dir, 'set', 'docs/title', 'ours');
    await grove(dir, 'set', 'docs/title', 'theirs', '--branch', 'dev');
    const before = (await grove(dir, 'snapshot')).out;
    expect((await grove(dir, 'merge', 'dev')).code).toBe(1);
    await grove(dir, 'resolve', 'docs/title', '--theirs');
    expect(JSON.parse((await grove(dir, 'merge', '--abort', '--json')).out[0]!)).toEqual({ outcome: 'aborted', from: 'dev', branch: 'main' });
    expect((await grove(dir, 'snapshot')).out).toEqual(before);
    expect((await grove(dir, 'merge', 'dev')).code).toBe(1);
    expect(await grove(dir, 'merge', '--continue')).toMatchObject({ code: 1, err: ['grove: 1 path still in conflict: docs/title; settle each with grove resolve PATH --ours|--theirs|--value VALUE'] });
  });

  it('refuses a branch that moved while its merge was pending, and mixed options', async () => {
    const dir = await forked();
    await grove(dir, 'set', 'docs/title', 'ours');
    await grove(dir, 'set', 'docs/title', 'theirs', '--branch', 'dev');
    await grove(dir, 'merge', 'dev');
    await grove(dir, 'resolve', 'docs/title', '--ours');
    await grove(dir, 'set', 'other', 'x');
    expect(await grove(dir, 'merge', '--continue')).toMatchObject({ code: 2, err: ['grove: main moved since the merge of dev started; drop it with grove merge --abort and merge again'] });
    expect(await grove(dir, 'merge', 'dev', '--continue')).toMatchObject({ code: 2, err: ['grove: give --continue or --abort alone, without FROM or --strategy'] });
    expect(await grove(dir, 'merge', 'dev', '--strategy', 'mine')).toMatchObject({ code: 2, err: ['grove: a merge of dev into main is pending; finish it with grove merge --continue, or drop it with grove merge --abort'] });
    expect(await grove(dir, 'resolve', 'docs/title')).toMatchObject({ code: 2, err: ['grove: resolve takes one of --ours, --theirs or --value VALUE'] });
  });
});
