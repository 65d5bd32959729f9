import { describe, expect, it } from 'vitest';
import { grove, newRepo } from '../testing/harness.js';

describe('grove ls', () => {
  it('lists names in order, folders with a trailing slash', async () => {
    const dir = await newRepo();
    expect(await grove(dir, 'ls')).toEqual({ code: 0, out: [], err: [] });
    await grove(dir, 'set', 'b', '1');
    await grove(dir, 'set', 'a/x', '2');
    await grove(dir, 'set', 'a/y/z', '3', '--type', 'counter');
    expect((await grove(dir, 'ls')).out).toEqual(['a/', 'b']);
    expect((await grove(dir, 'ls', 'a')).out).toEqual(['x', 'y/']);
    expect(JSON.parse((await grove(dir, 'ls', 'a', '--json')).out[0]!)).toEqual([
      { name: 'x', kind: 'value', tag: 'text' },
      { name: 'y', kind: 'folder' },
    ]);
    expect(JSON.parse((await grove(dir, 'ls', 'a/y', '--json')).out[0]!)).toEqual([{ name: 'z', kind: 'value', tag: 'grove/counter@1' }]);
  });

  it('exits 1 for a missing path and 2 for a value', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'a/x', '2');
    expect(await grove(dir, 'ls', 'nope')).toEqual({ code: 1, out: [], err: ['grove: nothing at nope on branch main'] });
    expect(await grove(dir, 'ls', 'a/x')).toEqual({ code: 2, out: [], err: ['grove: a/x is a value; read it with grove get a/x'] });
  });
});
