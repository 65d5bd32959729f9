import { describe, expect, it } from 'vitest';
import { grove, newRepo } from '../testing/harness.js';

describe('grove members', () => {
  it('add and delete each make exactly one commit, reading ELEMENT as the element type', async () => {
    const dir = await newRepo();
    expect((await grove(dir, 'members', 'add', 'tags', 'git', '--type', 'set<text>')).code).toBe(0);
    expect((await grove(dir, 'members', 'add', 'tags', 'crdt')).code).toBe(0);
    expect((await grove(dir, 'log')).out).toHaveLength(2);
    expect(JSON.parse((await grove(dir, 'get', 'tags')).out[0]!).sort()).toEqual(['crdt', 'git']);
    expect((await grove(dir, 'members', 'delete', 'tags', 'git')).code).toBe(0);
    expect((await grove(dir, 'get', 'tags')).out).toEqual(['["crdt"]']);
    expect(await grove(dir, 'members', 'delete', 'tags', 'git')).toEqual({ code: 1, out: [], err: ['grove: git is not in the set at tags'] });
    expect((await grove(dir, 'log')).out).toHaveLength(3);
    await grove(dir, 'members', 'add', 'points', '{"x":1}', '--type', 'set<json>');
    expect((await grove(dir, 'get', 'points')).out).toEqual(['[{"x":1}]']);
  });
});
