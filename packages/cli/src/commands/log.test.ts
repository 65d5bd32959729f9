import { describe, expect, it } from 'vitest';
import { grove, newRepo } from '../testing/harness.js';

const DATE = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ';

describe('grove log', () => {
  it('prints <hash> <date> <author> <first line of the message>, newest first', async () => {
    const dir = await newRepo();
    const first = (await grove(dir, 'set', 'a', '1', '-m', 'first\n\nwith a body', '--author', 'Ada Lovelace <ada@example.com>')).out[0];
    const second = (await grove(dir, 'set', 'a', '2')).out[0];
    const { code, out } = await grove(dir, 'log');
    expect(code).toBe(0);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatch(new RegExp(`^${second} ${DATE} Grove set a$`));
    expect(out[1]).toMatch(new RegExp(`^${first} ${DATE} Ada Lovelace first$`));
    expect((await grove(dir, 'log', '--limit', '1')).out).toEqual([out[0]]);
  });

  it('prints the commits as JSON', async () => {
    const dir = await newRepo();
    const head = (await grove(dir, 'set', 'a', '1', '-m', 'one', '--author', 'Ada <ada@example.com>')).out[0];
    const [commit] = JSON.parse((await grove(dir, 'log', '--json')).out[0]!);
    expect(commit).toMatchObject({ hash: head, parents: [], author: { name: 'Ada', email: 'ada@example.com', timezoneOffset: 0 }, message: 'one\n' });
    expect(commit.author.date).toMatch(new RegExp(`^${DATE}$`));
  });

  it('exits 2 on a branch without commits', async () => {
    const dir = await newRepo();
    expect(await grove(dir, 'log', '--branch', 'nope')).toEqual({
      code: 2,
      out: [],
      err: ['grove: branch nope has no commits; list branches with grove branches, or write one with grove set'],
    });
  });
});
