import { describe, expect, it } from 'vitest';
import { grove, newRepo } from '../testing/harness.js';

describe('grove queue', () => {
  it('push and pop each make exactly one commit; pop prints the head, first in first out', async () => {
    const dir = await newRepo();
    expect((await grove(dir, 'queue', 'push', 'jobs', '{"build":1}', '--type', 'queue<json>')).code).toBe(0);
    expect((await grove(dir, 'queue', 'push', 'jobs', '"test"')).code).toBe(0);
    expect((await grove(dir, 'get', 'jobs')).out).toEqual(['[{"build":1},"test"]']);
    expect(await grove(dir, 'queue', 'pop', 'jobs')).toEqual({ code: 0, out: ['{"build":1}'], err: [] });
    const popped = await grove(dir, 'queue', 'pop', 'jobs', '--json');
    expect(JSON.parse(popped.out[0]!)).toEqual({ commit: expect.stringMatching(/^[0-9a-f]{40}$/), value: 'test' });
    expect((await grove(dir, 'log')).out).toHaveLength(4);
    expect(await grove(dir, 'queue', 'pop', 'jobs')).toEqual({ code: 1, out: [], err: ['grove: the queue at jobs is empty'] });
    expect((await grove(dir, 'log')).out).toHaveLength(4);
  });
});
