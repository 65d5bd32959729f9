import { describe, expect, it } from 'vitest';
import { grove, newRepo } from '../testing/harness.js';

describe('grove branch and grove branches', () => {
  it('create a branch at the head of --branch, or at --from, and print where it starts', async () => {
    const dir = await newRepo();
    const first = (await grove(dir, 'set', 'a', '1')).out[0];
    const second = (await grove(dir, 'set', 'a', '2')).out[0];
    expect(await grove(dir, 'branch', 'dev')).toEqual({ code: 0, out: [second], err: [] });
    expect(await grove(dir, 'branch', 'old', '--from', first!)).toEqual({ code: 0, out: [first], err: [] });
    expect((await grove(dir, 'branch', 'dev2', '--branch', 'dev')).out).toEqual([second]);
    expect((await grove(dir, 'branch', 'old2', '--from', 'old')).out).toEqual([first]);
    expect((await grove(dir, 'get', 'a', '--branch', 'old2')).out).toEqual(['1']);
  });

  it('list branches, marking --branch, as text or JSON with their heads', async () => {
    const dir = await newRepo();
    const head = (await grove(dir, 'set', 'a', '1')).out[0];
    await grove(dir, 'branch', 'dev');
    const listing = { code: 0, out: ['  dev', '* main'], err: [] };
    expect(await grove(dir, 'branches')).toEqual(listing);
    expect(await grove(dir, 'branch')).toEqual(listing);
    expect((await grove(dir, 'branches', '--branch', 'dev')).out).toEqual(['* dev', '  main']);
    expect(JSON.parse((await grove(dir, 'branch', '--json')).out[0]!)).toEqual([
      { name: 'dev', head, current: false },
      { name: 'main', head, current: true },
    ]);
  });

  it.each([
    [['branch', 'a..b'], /^grove: "a\.\.b" is not a valid branch name/],
    [['branch', 'dev'], /^grove: branch dev already exists/],
    [['branch', 'x', '--from', 'nope'], /^grove: no branch or commit "nope"; list branches with grove branches/],
    [['branch', 'x', '--branch', 'empty'], /^grove: branch empty has no commits/],
    [['branch', '--from', 'main'], /^grove: --from needs a branch to create: grove branch NAME --from REF$/],
    [['branch', 'x', '--json'], /^\{"code":"usage","message":"--json lists branches; drop NAME, or drop --json to create one","exit":2\}$/],
  ])('grove %j exits 2', async (argv, message) => {
    const dir = await newRepo();
    await grove(dir, 'set', 'a', '1');
    await grove(dir, 'branch', 'dev');
    const { code, out, err } = await grove(dir, ...argv);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(message);
  });
});
