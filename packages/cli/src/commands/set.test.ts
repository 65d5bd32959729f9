import { Repo } from '@grove/store';
import { describe, expect, it } from 'vitest';
import { run } from '../run.js';
import { grove, newRepo, session } from '../testing/harness.js';

describe('grove set', () => {
  it('stores text, prints the new head, and commits with the message and author given', async () => {
    const dir = await newRepo();
    const { code, out } = await grove(dir, 'set', 'docs/readme', 'hello', '-m', 'write the readme', '--author', 'Ada Lovelace <ada@example.com>');
    expect(code).toBe(0);
    const main = (await Repo.open(dir)).branch('main');
    expect(out).toEqual([await main.head()]);
    expect(await main.get(['docs', 'readme'])).toBe('hello');
    const commit = await main.repo.readCommit(out[0]!);
    expect(commit.message).toBe('write the readme\n');
    expect(commit.author).toMatchObject({ name: 'Ada Lovelace', email: 'ada@example.com' });
  });

  it('stores counters and JSON with --type, on the --branch given', async () => {
    const dir = await newRepo();
    expect((await grove(dir, 'set', 'hits', '-41', '--type', 'counter', '--branch', 'stats')).code).toBe(0);
    expect((await grove(dir, 'set', 'cfg', '{"b":1,"a":[true]}', '--type=json', '--branch', 'stats')).code).toBe(0);
    const stats = (await Repo.open(dir)).branch('stats');
    expect(await stats.read(['hits'])).toMatchObject({ tag: 'grove/counter@1', value: -41n });
    expect(await stats.read(['cfg'])).toMatchObject({ tag: 'json', value: { a: [true], b: 1 } });
    expect(await (await Repo.open(dir)).branches()).toEqual(['stats']);
  });

  it('takes the default author from GROVE_AUTHOR, and a default message from the store', async () => {
    const dir = await newRepo();
    const { io, out } = session(dir, { env: { GROVE_AUTHOR: 'Bob <bob@example.com>' } });
    expect(await run(['set', 'a', '1'], io)).toBe(0);
    const commit = await (await Repo.open(dir)).readCommit(out.all[0]!);
    expect(commit).toMatchObject({ author: { name: 'Bob', email: 'bob@example.com' }, message: 'set a\n' });
  });

  it('refuses a root path and JSON that has no canonical encoding, writing nothing', async () => {
    const dir = await newRepo();
    expect(await grove(dir, 'set', '', 'x')).toEqual({ code: 2, out: [], err: ['grove: "" names the root, not a value; give a path such as docs/readme'] });
    const { code, err } = await grove(dir, 'set', 'n', '1e999', '--type', 'json');
    expect(code).toBe(2);
    expect(err[0]).toMatch(/^grove: cannot encode a value as json/);
    expect(await (await Repo.open(dir)).branches()).toEqual([]);
  });
});
