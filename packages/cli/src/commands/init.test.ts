import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grove, tempDir } from '../testing/harness.js';

describe('grove init', () => {
  it('creates a bare repository in DIR, relative to the working directory, and prints its path', async () => {
    const cwd = tempDir();
    const { code, out } = await grove(cwd, 'init', 'data');
    expect(code).toBe(0);
    expect(out).toEqual([join(cwd, 'data')]);
    expect((await grove(cwd, 'ls', '--repo', 'data')).code).toBe(0);
  });

  it('defaults to --repo, then the working directory, and reopens an existing repository', async () => {
    const cwd = tempDir();
    expect((await grove(cwd, 'init', '--repo', 'r')).out).toEqual([join(cwd, 'r')]);
    const here = tempDir();
    expect((await grove(here, 'init')).out).toEqual([here]);
    expect(await grove(here, 'init')).toEqual({ code: 0, out: [here], err: [] });
  });

  it('refuses DIR and --repo together, and a directory holding other files', async () => {
    const cwd = tempDir();
    expect(await grove(cwd, 'init', 'a', '--repo', 'b')).toEqual({ code: 2, out: [], err: ['grove: init takes DIR or --repo DIR, not both'] });
    await grove(cwd, 'init', 'r');
    const { code, err } = await grove(join(cwd, 'r'), 'init', '..');
    expect(code).toBe(2);
    expect(err[0]).toMatch(/is not a Git repository; pass --repo with a repository, or create one with grove init NEWDIR$/);
  });
});
