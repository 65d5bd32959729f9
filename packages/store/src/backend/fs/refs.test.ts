import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backend.js';
import { git, makeCommits, makeTempDir, removeTempDirs } from '../../testing/git-fixture.js';
import { openGitBackend } from './index.js';

afterEach(removeTempDirs);

/** A bare repository with `count` real commits (made by git), and our backend on it. */
async function repoWithCommits(count: number): Promise<{ backend: Backend; dir: string; commits: string[] }> {
  const dir = makeTempDir();
  git(dir, ['init', '-q', '--bare', '-b', 'main']);
  return { backend: await openGitBackend(dir), dir, commits: makeCommits(dir, count) };
}

const revParse = (dir: string, ref: string) => git(dir, ['rev-parse', '--verify', '-q', ref]);
const gitHasRef = (dir: string, ref: string) => git(dir, ['for-each-ref', '--format=%(refname)', ref]) === ref;

describe('refs', () => {
  it('create, compare-and-set and delete, seen by git', async () => {
    const { backend, dir, commits: [a, b] } = await repoWithCommits(2);
    const { refs } = backend;
    expect(await refs.read('refs/heads/main')).toBeUndefined();
    expect(await refs.compareAndSet('refs/heads/main', undefined, a!)).toBe(true);
    expect(readFileSync(join(dir, 'refs/heads/main'), 'utf8')).toBe(`${a}\n`);
    expect(await refs.compareAndSet('refs/heads/main', undefined, b!)).toBe(false);
    expect(await refs.compareAndSet('refs/heads/main', b!, a!)).toBe(false);
    expect(await refs.read('refs/heads/main')).toBe(a);
    expect(await refs.compareAndSet('refs/heads/main', a!, b!)).toBe(true);
    expect(revParse(dir, 'refs/heads/main')).toBe(b);
    expect(revParse(dir, 'HEAD')).toBe(b);
    expect(await refs.read('HEAD')).toBe(b);
    expect(await refs.compareAndSet('HEAD', b!, a!)).toBe(true); // moves the branch HEAD points at
    expect(git(dir, ['symbolic-ref', 'HEAD'])).toBe('refs/heads/main');
    expect(await refs.compareAndSet('refs/heads/main', a!, b!)).toBe(true);

    expect(await refs.compareAndSet('refs/heads/feature/x', undefined, a!)).toBe(true);
    expect(revParse(dir, 'feature/x')).toBe(a);
    expect(await refs.compareAndSet('refs/heads/feature/x', b!, undefined)).toBe(false);
    expect(await refs.compareAndSet('refs/heads/feature/x', a!, undefined)).toBe(true);
    expect(await refs.read('refs/heads/feature/x')).toBeUndefined();
    expect(gitHasRef(dir, 'refs/heads/feature/x')).toBe(false);
    expect(existsSync(join(dir, 'refs/heads/feature'))).toBe(false);
    expect(await refs.compareAndSet('refs/heads/feature/x', undefined, undefined)).toBe(true);
    expect(await refs.list('refs/heads/')).toEqual(new Map([['refs/heads/main', b]]));
    git(dir, ['fsck', '--strict']);
  });

  it('reads refs that git wrote, loose and packed, and lists them merged', async () => {
    const { backend, dir, commits: [a, b, c] } = await repoWithCommits(3);
    git(dir, ['update-ref', 'refs/heads/main', a!]);
    git(dir, ['update-ref', 'refs/heads/topic', b!]);
    git(dir, ['update-ref', 'refs/tags/v1', a!]);
    git(dir, ['tag', '-a', '-m', 'annotated', 'v2', c!]);
    git(dir, ['pack-refs', '--all']);
    expect(existsSync(join(dir, 'refs/heads/main'))).toBe(false);
    expect(readFileSync(join(dir, 'packed-refs'), 'utf8')).toMatch(/^\^/m);
    const { refs } = backend;
    expect(await refs.read('refs/heads/main')).toBe(a);
    expect(await refs.read('refs/tags/v2')).toBe(revParse(dir, 'refs/tags/v2'));

    git(dir, ['update-ref', 'refs/heads/loose', c!]);
    expect(await refs.compareAndSet('refs/heads/topic', b!, c!)).toBe(true); // loose now shadows packed
    writeFileSync(join(dir, 'refs/heads/stale.lock'), `${a}\n`);
    expect(await refs.list('refs/heads/')).toEqual(
      new Map([['refs/heads/loose', c], ['refs/heads/main', a], ['refs/heads/topic', c]]),
    );
    expect([...(await refs.list('refs/')).keys()]).toEqual(['refs/heads/loose', 'refs/heads/main', 'refs/heads/topic', 'refs/tags/v1', 'refs/tags/v2']);
    expect([...(await refs.list('refs/heads/t')).keys()]).toEqual(['refs/heads/topic']);
    expect(revParse(dir, 'topic')).toBe(c);
  });

  it('deletes a packed ref from packed-refs, keeping the others', async () => {
    const { backend, dir, commits: [a, b] } = await repoWithCommits(2);
    git(dir, ['update-ref', 'refs/heads/main', a!]);
    git(dir, ['update-ref', 'refs/heads/gone', b!]);
    git(dir, ['tag', '-a', '-m', 'annotated', 'v1', a!]);
    git(dir, ['pack-refs', '--all']);
    expect(await backend.refs.compareAndSet('refs/heads/gone', a!, undefined)).toBe(false);
    expect(await backend.refs.compareAndSet('refs/heads/gone', b!, undefined)).toBe(true);
    expect(await backend.refs.read('refs/heads/gone')).toBeUndefined();
    expect(readFileSync(join(dir, 'packed-refs'), 'utf8')).not.toContain('refs/heads/gone');
    expect(git(dir, ['show-ref']).split('\n').map((l) => l.slice(41))).toEqual(['refs/heads/main', 'refs/tags/v1']);
    expect(revParse(dir, 'v1^{commit}')).toBe(a);
    expect(readdirSync(dir)).not.toContain('packed-refs.lock');
  });

  it('refuses refs whose path conflicts with another ref, loose or packed', async () => {
    const { backend, dir, commits: [a] } = await repoWithCommits(1);
    const { refs } = backend;
    await refs.compareAndSet('refs/heads/a', undefined, a!);
    const conflict = { code: 'invalid-ref', data: { ref: 'refs/heads/a/b' } };
    await expect(refs.compareAndSet('refs/heads/a/b', undefined, a!)).rejects.toMatchObject(conflict);
    await refs.compareAndSet('refs/heads/c/d', undefined, a!);
    await expect(refs.compareAndSet('refs/heads/c', undefined, a!)).rejects.toMatchObject({ code: 'invalid-ref' });
    git(dir, ['pack-refs', '--all']);
    await expect(refs.compareAndSet('refs/heads/a/b', undefined, a!)).rejects.toMatchObject(conflict);
    await expect(refs.compareAndSet('refs/heads/c', undefined, a!)).rejects.toMatchObject({ code: 'invalid-ref' });
    mkdirSync(join(dir, 'refs/heads/empty'));
    expect(await refs.compareAndSet('refs/heads/empty', undefined, a!)).toBe(true); // an empty directory is not a conflict
    expect(readdirSync(join(dir, 'refs/heads')).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  it('refuses malformed names and ids', async () => {
    const { backend, commits: [a] } = await repoWithCommits(1);
    for (const bad of ['main', 'refs/heads/../../config', 'refs/heads/x.lock', 'refs/heads/a..b', 'refs/heads/', 'refs/heads/a b']) {
      await expect(backend.refs.read(bad)).rejects.toMatchObject({ code: 'invalid-ref' });
      await expect(backend.refs.compareAndSet(bad, undefined, a!)).rejects.toMatchObject({ code: 'invalid-ref' });
    }
    await expect(backend.refs.compareAndSet('refs/heads/ok', undefined, 'nope')).rejects.toMatchObject({ code: 'invalid-ref' });
    await expect(backend.refs.list('refs/../')).rejects.toMatchObject({ code: 'invalid-ref' });
  });
});
