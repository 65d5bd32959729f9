import { describe, expect, it } from 'vitest';
import { grove, newRepo } from '../testing/harness.js';

describe('grove text', () => {
  it('inserts and deletes at code point positions in a rope, one commit each', async () => {
    const dir = await newRepo();
    expect((await grove(dir, 'text', 'insert', 'doc', '0', 'hello world', '--type', 'rope')).code).toBe(0);
    expect((await grove(dir, 'text', 'insert', 'doc', '5', ',')).code).toBe(0);
    expect((await grove(dir, 'text', 'delete', 'doc', '6', '6')).code).toBe(0);
    expect((await grove(dir, 'text', 'insert', 'doc', '6', ' wörld 😀')).code).toBe(0);
    expect((await grove(dir, 'text', 'delete', 'doc', '13', '1')).code).toBe(0);
    expect((await grove(dir, 'get', 'doc')).out).toEqual(['hello, wörld ']);
    expect((await grove(dir, 'log')).out).toHaveLength(5);
    expect((await grove(dir, 'ls', '--json')).out).toEqual(['[{"name":"doc","kind":"value","tag":"grove/rope@1"}]']);
  });

  it('edits plain text too, and refuses positions past the end', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'title', 'ab');
    await grove(dir, 'text', 'insert', 'title', '1', '+');
    expect((await grove(dir, 'get', 'title')).out).toEqual(['a+b']);
    expect(await grove(dir, 'text', 'delete', 'title', '2', '5')).toMatchObject({ code: 2, err: ['grove: COUNT must be a whole number from 0 to 1, not "5"'] });
    expect(await grove(dir, 'text', 'insert', 'title', '9', 'x')).toMatchObject({ code: 2, err: ['grove: POS must be a whole number from 0 to 3, not "9"'] });
  });
});
