import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { git, makeTempDir, removeTempDirs } from '../../testing/git-fixture.js';
import { openGitBackend } from './index.js';

afterEach(removeTempDirs);

describe('openGitBackend', () => {
  it('creates a bare repository Git accepts in a new directory', async () => {
    const dir = join(makeTempDir(), 'new', 'repo.git');
    const backend = await openGitBackend(dir);
    expect(backend.dir).toBe(dir);
    expect(readFileSync(join(dir, 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
    for (const sub of ['objects/info', 'objects/pack', 'refs/heads', 'refs/tags']) expect(existsSync(join(dir, sub))).toBe(true);
    expect(git(dir, ['rev-parse', '--is-bare-repository'])).toBe('true');
    expect(git(dir, ['symbolic-ref', 'HEAD'])).toBe('refs/heads/main');
    git(dir, ['fsck', '--strict']);
  });

  it('creates one in an existing empty directory', async () => {
    const dir = makeTempDir();
    expect((await openGitBackend(dir)).dir).toBe(dir);
    expect(git(dir, ['rev-parse', '--is-bare-repository'])).toBe('true');
  });

  it('opens the .git directory of an ordinary repository', async () => {
    const dir = makeTempDir();
    git(dir, ['init', '-q', '-b', 'main']);
    expect((await openGitBackend(dir)).dir).toBe(join(dir, '.git'));
  });

  it('opens a bare repository made by git', async () => {
    const dir = join(makeTempDir(), 'x.git');
    git(makeTempDir(), ['init', '-q', '--bare', dir]);
    expect((await openGitBackend(dir, { create: false })).dir).toBe(dir);
  });

  it('refuses a non-empty directory that is not a repository', async () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, 'notes.txt'), 'hello');
    await expect(openGitBackend(dir)).rejects.toMatchObject({ code: 'not-a-repository', data: { dir } });
    expect(existsSync(join(dir, 'HEAD'))).toBe(false);
  });

  it('refuses a file, and an empty directory when create is false', async () => {
    const dir = makeTempDir();
    writeFileSync(join(dir, 'file'), '');
    await expect(openGitBackend(join(dir, 'file'))).rejects.toMatchObject({ code: 'not-a-repository' });
    mkdirSync(join(dir, 'empty'));
    await expect(openGitBackend(join(dir, 'empty'), { create: false })).rejects.toMatchObject({ code: 'not-a-repository' });
    expect(existsSync(join(dir, 'empty', 'HEAD'))).toBe(false);
  });

  it('refuses a SHA-256 repository', async () => {
    const dir = makeTempDir();
    git(dir, ['init', '-q', '--bare', '--object-format=sha256']);
    await expect(openGitBackend(dir)).rejects.toMatchObject({ code: 'not-a-repository', data: { dir } });
  });
});
