import { describe, expect, it } from 'vitest';
import { grove, newRepo } from '../testing/harness.js';

describe('grove snapshot', () => {
  it('prints the head commit id, as text or JSON', async () => {
    const dir = await newRepo();
    const head = (await grove(dir, 'set', 'a', '1', '--branch', 'dev')).out[0];
    expect(await grove(dir, 'snapshot', '--branch', 'dev')).toEqual({ code: 0, out: [head], err: [] });
    expect(JSON.parse((await grove(dir, 'snapshot', '--branch', 'dev', '--json')).out[0]!)).toEqual({ branch: 'dev', head });
  });

  it('exits 2 on a branch without commits', async () => {
    expect((await grove(await newRepo(), 'snapshot')).code).toBe(2);
  });
});
