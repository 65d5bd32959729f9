/** Real `git` against the Grove server: clone, fetch, push (refused and forced), fsck on both sides. */
import { counter } from '@grove/merge';
import { json } from '@grove/store';
import { git, gitAsync, makeTempDir, removeTempDirs } from '@grove/store/testing';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fsck, gitOut, newRepo, serveForTest, steppingClock } from '../testing/server.js';

afterEach(removeTempDirs);

describe.each(['memory', 'disk'] as const)('git against a Grove server (%s repository)', (kind) => {
  it('clones, fetches and pushes with git; both sides pass git fsck --strict', async () => {
    const repo = await newRepo(kind, { clock: steppingClock() });
    const main = repo.branch('main');
    await main.set(['docs', 'readme'], 'hello\n');
    await main.set(['hits'], 7n, { type: counter });
    await main.set(['config'], { a: [1, 2] }, { type: json });
    const { url } = await serveForTest(repo);

    const work = join(makeTempDir(), 'clone');
    await gitOut(makeTempDir(), ['clone', '-q', url, work]);
    expect(git(work, ['rev-parse', 'HEAD'])).toBe(await main.head());
    expect(readFileSync(join(work, 'docs', 'readme'), 'utf8')).toBe('hello\n');
    fsck(work);

    // git pushes a commit; Grove reads it.
    git(work, ['commit', '-q', '--allow-empty', '-m', 'from git']);
    git(work, ['rm', '-q', 'hits']);
    git(work, ['commit', '-q', '-m', 'remove hits']);
    await gitOut(work, ['push', '-q', 'origin', 'main']);
    expect(await main.head()).toBe(git(work, ['rev-parse', 'HEAD']));
    expect(await main.get(['hits'])).toBeUndefined();
    expect(await main.get(['docs', 'readme'])).toBe('hello\n');

    // Grove commits; git fetches it.
    await main.set(['docs', 'readme'], 'changed by grove\n');
    await gitOut(work, ['fetch', '-q', 'origin']);
    expect(git(work, ['rev-parse', 'origin/main'])).toBe(await main.head());

    // A non-fast-forward push is refused, and goes through with --force.
    git(work, ['commit', '-q', '--allow-empty', '-m', 'diverged']);
    expect(await gitAsync(work, ['push', '-q', 'origin', 'main'])).not.toBe(0);
    expect(git(work, ['rev-parse', 'origin/main'])).toBe(await main.head());
    await gitOut(work, ['push', '-q', '--force', 'origin', 'main']);
    expect(await main.head()).toBe(git(work, ['rev-parse', 'HEAD']));

    // New branches and deletions.
    await gitOut(work, ['push', '-q', 'origin', 'HEAD:refs/heads/topic']);
    expect(await repo.branches()).toEqual(['main', 'topic']);
    await gitOut(work, ['push', '-q', 'origin', ':topic']);
    expect(await repo.branches()).toEqual(['main']);

    const mirror = join(makeTempDir(), 'mirror.git');
    await gitOut(makeTempDir(), ['clone', '-q', '--mirror', url, mirror]);
    fsck(mirror);
    if (repo.backend.dir !== undefined) fsck(repo.backend.dir);
  });

  it('serves an empty repository, and accepts the first push into it', async () => {
    const repo = await newRepo(kind);
    const { url } = await serveForTest(repo);
    const work = join(makeTempDir(), 'clone');
    await gitOut(makeTempDir(), ['clone', '-q', url, work]);
    git(work, ['commit', '-q', '--allow-empty', '-m', 'first']);
    await gitOut(work, ['push', '-q', 'origin', 'HEAD:refs/heads/main']);
    expect(await repo.branch('main').head()).toBe(git(work, ['rev-parse', 'HEAD']));
  });

  it('sends a history of changed trees as deltas that git accepts', async () => {
    const repo = await newRepo(kind, { clock: steppingClock() });
    const main = repo.branch('main');
    await main.update(async (tx) => {
      for (let i = 0; i < 60; i++) await tx.set(['files', `f${i}`], `file ${i}\n`);
    });
    for (let i = 0; i < 20; i++) await main.set(['files', `f${(i * 7) % 60}`], `edit ${i}\n`);
    const { url } = await serveForTest(repo);
    const work = join(makeTempDir(), 'clone');
    await gitOut(makeTempDir(), ['clone', '-q', url, work]);
    fsck(work);
    expect(git(work, ['rev-list', '--count', 'HEAD'])).toBe('21');
    const idx = readdirSync(join(work, '.git', 'objects', 'pack')).find((f) => f.endsWith('.idx'))!;
    expect(git(work, ['verify-pack', '-v', join('.git', 'objects', 'pack', idx)])).toMatch(/chain length = \d+: \d+ objects?\n/);

    // Thin packs both ways: the changed files/ tree goes as a delta against the version the other side has.
    await main.set(['files', 'f3'], 'grove again\n');
    await gitOut(work, ['fetch', '-q', 'origin']);
    expect(git(work, ['show', 'origin/main:files/f3'])).toBe('grove again');
    git(work, ['merge', '-q', '--ff-only', 'origin/main']);
    writeFileSync(join(work, 'files', 'f4'), 'git again\n');
    git(work, ['commit', '-q', '-am', 'from git']);
    await gitOut(work, ['push', '-q', 'origin', 'main']);
    expect(await main.get(['files', 'f4'])).toBe('git again\n');
    fsck(work);
    if (repo.backend.dir !== undefined) fsck(repo.backend.dir);
  });
});

describe('git with tokens', () => {
  it('clones with the token as a Basic password or a Bearer header, and is refused without it', async () => {
    const repo = await newRepo('memory');
    await repo.branch('main').set(['x'], '1\n');
    const { port } = await serveForTest(repo, { readToken: 'r', writeToken: 'w' });
    const base = `http://127.0.0.1:${port}/`;
    await expect(gitOut(makeTempDir(), ['clone', '-q', base, 'anon'])).rejects.toThrow(/401|Authentication failed|could not read Username/);
    const work = join(makeTempDir(), 'clone');
    await gitOut(makeTempDir(), ['clone', '-q', `http://grove:w@127.0.0.1:${port}/`, work]);
    git(work, ['commit', '-q', '--allow-empty', '-m', 'with token']);
    await gitOut(work, ['push', '-q', 'origin', 'main']);
    expect(await repo.branch('main').head()).toBe(git(work, ['rev-parse', 'HEAD']));
    const viaHeader = join(makeTempDir(), 'header');
    await gitOut(makeTempDir(), ['-c', 'http.extraHeader=Authorization: Bearer r', 'clone', '-q', base, viaHeader]);
    expect(git(viaHeader, ['rev-parse', 'HEAD'])).toBe(await repo.branch('main').head());
  });
});
