import { describe, expect, it } from 'vitest';
import { grove, newRepo } from '../testing/harness.js';

/** The number of commits on main. */
async function commits(dir: string): Promise<number> {
  return (await grove(dir, 'log')).out.length;
}

describe('grove map', () => {
  it('set, inc and delete each make exactly one commit, creating the map with --type', async () => {
    const dir = await newRepo();
    const set = await grove(dir, 'map', 'set', 'votes', 'ada', '3', '--type', 'map<counter>', '-m', 'first vote');
    expect(set).toEqual({ code: 0, out: [expect.stringMatching(/^[0-9a-f]{40}$/)], err: [] });
    expect(await commits(dir)).toBe(1);
    expect((await grove(dir, 'map', 'inc', 'votes', 'ada')).code).toBe(0);
    expect((await grove(dir, 'map', 'inc', 'votes', 'bob', '-5')).code).toBe(0);
    expect(await commits(dir)).toBe(3);
    expect((await grove(dir, 'get', 'votes')).out).toEqual(['{"ada":4,"bob":-5}']);
    expect((await grove(dir, 'map', 'delete', 'votes', 'bob', '--json')).out).toEqual([expect.stringMatching(/^\{"commit":"[0-9a-f]{40}"\}$/)]);
    expect(await commits(dir)).toBe(4);
    expect((await grove(dir, 'get', 'votes')).out).toEqual(['{"ada":4}']);
    expect((await grove(dir, 'log')).out[3]).toMatch(/ first vote$/);
  });

  it('reads VALUE as the map type\'s values: JSON, text, sets of JSON', async () => {
    const dir = await newRepo();
    await grove(dir, 'map', 'set', 'cfg', 'size', '{"w":2}', '--type', 'map<json>');
    await grove(dir, 'map', 'set', 'names', 'ada', 'Ada Lovelace', '--type', 'map<text>');
    await grove(dir, 'map', 'set', 'tags', 'page', '["a",1]', '--type', 'map<set<json>>');
    expect((await grove(dir, 'get', 'cfg')).out).toEqual(['{"size":{"w":2}}']);
    expect((await grove(dir, 'get', 'names')).out).toEqual(['{"ada":"Ada Lovelace"}']);
    expect((await grove(dir, 'get', 'tags')).out).toEqual(['{"page":["a",1]}']);
    expect(await grove(dir, 'map', 'set', 'cfg', 'size', 'nope')).toMatchObject({ code: 2, err: [expect.stringMatching(/^grove: "nope" is not JSON/)] });
  });

  it('refuses what does not fit, writing nothing', async () => {
    const dir = await newRepo();
    expect((await grove(dir, 'map', 'set', 'votes', 'ada', '1')).err).toEqual([
      "grove: nothing at votes to edit; create a map with --type, e.g. --type 'map<json>'",
    ]);
    expect((await grove(dir, 'map', 'set', 'votes', 'ada', '1', '--type', 'set<text>')).err).toEqual(["grove: --type set<text> is not a map; use e.g. --type 'map<json>'"]);
    await grove(dir, 'set', 'title', 'hello');
    await grove(dir, 'map', 'set', 'names', 'a', 'x', '--type', 'map<text>');
    expect((await grove(dir, 'map', 'set', 'title', 'a', '1')).err).toEqual(['grove: title holds a text, not a map; see grove get title']);
    expect((await grove(dir, 'map', 'inc', 'names', 'a')).err).toEqual(['grove: map inc needs a map of counters, and names holds a map of string; use grove map set']);
    expect((await grove(dir, 'map', 'set', 'names', 'a', 'x', '--type', 'map<json>')).err).toEqual([
      'grove: names already holds a grove/sharded-map@1(string), not a grove/sharded-map@1(json); drop --type, or write elsewhere',
    ]);
    expect(await grove(dir, 'map', 'delete', 'names', 'zz')).toEqual({ code: 1, out: [], err: ['grove: no key "zz" in the map at names'] });
    expect(await grove(dir, 'map', 'frob')).toMatchObject({ code: 2, err: ['grove: grove map needs a verb: set, inc, delete; see grove help map set'] });
    expect(await commits(dir)).toBe(2);
  });
});
