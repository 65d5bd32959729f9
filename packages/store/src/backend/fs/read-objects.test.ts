import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backend } from '../backend.js';
import { git, gitBytes, makeTempDir, rawObject, removeTempDirs } from '../../testing/git-fixture.js';
import { openGitBackend } from './index.js';

afterEach(removeTempDirs);

/** Every object reachable from any ref, as git lists them. */
function allObjects(dir: string): string[] {
  return git(dir, ['rev-list', '--objects', '--all']).split('\n').map((line) => line.slice(0, 40));
}

/** Our reads match `git cat-file` byte for byte. */
async function expectReadsLikeGit(backend: Backend, dir: string, hashes: readonly string[]): Promise<void> {
  for (const hash of hashes) {
    const object = await backend.objects.read(hash);
    const type = git(dir, ['cat-file', '-t', hash]);
    expect(object?.type, hash).toBe(type);
    expect(Buffer.from(object!.payload).equals(gitBytes(dir, ['cat-file', type, hash])), hash).toBe(true);
    expect(await backend.objects.has(hash)).toBe(true);
  }
}

/** A ~40 KB text whose versions differ in a few lines, so git stores them as deltas. */
function version(n: number): string {
  return Array.from({ length: 800 }, (_, line) => (line % 97 === n % 97 ? `changed in version ${n}` : `line ${line} of a long shared text`)).join('\n');
}

/** Commits `count` versions of two files in the work tree `dir`. */
function commitVersions(dir: string, from: number, count: number): void {
  for (let n = from; n < from + count; n++) {
    writeFileSync(join(dir, 'big.txt'), version(n));
    writeFileSync(join(dir, 'other.txt'), version(n * 7).toUpperCase());
    git(dir, ['add', '.']);
    git(dir, ['commit', '-q', '-m', `version ${n}`]);
  }
}

/** verify-pack -v lines of delta entries (those naming a base). */
function deltaLines(gitDir: string): string[] {
  const pack = join(gitDir, 'objects', 'pack');
  return readdirSync(pack)
    .filter((f) => f.endsWith('.idx'))
    .flatMap((idx) => git(gitDir, ['verify-pack', '-v', join(pack, idx)]).split('\n'))
    .filter((line) => /^[0-9a-f]{40} \w+ +\d+ \d+ \d+ \d+ [0-9a-f]{40}$/.test(line));
}

describe('reading what git wrote', () => {
  it('reads loose objects from hash-object and commit', async () => {
    const dir = makeTempDir();
    git(dir, ['init', '-q', '-b', 'main']);
    const blob = git(dir, ['hash-object', '-w', '--stdin'], 'from hash-object\n');
    commitVersions(dir, 0, 2);
    const backend = await openGitBackend(dir);
    expect(await backend.objects.read(blob)).toEqual(rawObject('blob', 'from hash-object\n'));
    await expectReadsLikeGit(backend, dir, allObjects(dir));
    expect(await backend.refs.read('refs/heads/main')).toBe(git(dir, ['rev-parse', 'main']));
    expect(await backend.refs.read('HEAD')).toBe(git(dir, ['rev-parse', 'HEAD']));
  });

  it('reads packs with delta chains after git gc --aggressive, and follows repacks', async () => {
    const dir = makeTempDir();
    git(dir, ['init', '-q', '-b', 'main']);
    commitVersions(dir, 0, 12);
    git(dir, ['gc', '-q']);
    const packDir = join(dir, '.git', 'objects', 'pack');
    const firstPacks = readdirSync(packDir);
    const backend = await openGitBackend(dir);
    await expectReadsLikeGit(backend, dir, allObjects(dir));
    // This one knows the pack's index but has not opened the pack itself.
    const stale = await openGitBackend(dir);
    const oldHead = git(dir, ['rev-parse', 'HEAD']);
    expect(await stale.objects.has(oldHead)).toBe(true);

    // More history, then an aggressive gc replaces the pack both backends know.
    commitVersions(dir, 12, 12);
    git(dir, ['gc', '-q', '--aggressive', '--prune=now']);
    expect(git(dir, ['count-objects', '-v'])).toMatch(/^count: 0$/m);
    expect(readdirSync(packDir).filter((f) => firstPacks.includes(f))).toEqual([]);
    expect(deltaLines(join(dir, '.git')).length).toBeGreaterThan(10);
    const all = allObjects(dir);
    await expectReadsLikeGit(stale, dir, [oldHead, ...all]); // the old pack is gone when first opened
    await expectReadsLikeGit(backend, dir, all);
    await expectReadsLikeGit(await openGitBackend(dir), dir, all);
  });

  it('reads REF_DELTA packs (repack without delta base offsets)', async () => {
    const dir = makeTempDir();
    git(dir, ['init', '-q', '-b', 'main']);
    commitVersions(dir, 0, 10);
    git(dir, ['-c', 'repack.useDeltaBaseOffset=false', 'repack', '-q', '-a', '-d', '-f']);
    expect(deltaLines(join(dir, '.git')).length).toBeGreaterThan(5);
    await expectReadsLikeGit(await openGitBackend(dir), dir, allObjects(dir));
  });

  it('returns undefined for absent objects and knows the empty tree', async () => {
    const backend = await openGitBackend(makeTempDir());
    const absent = rawObject('blob', 'never written').hash;
    expect(await backend.objects.read(absent)).toBeUndefined();
    expect(await backend.objects.has(absent)).toBe(false);
    expect(await backend.objects.read('not a hash')).toBeUndefined();
    expect(await backend.objects.read('4b825dc642cb6eb9a060e54bf8d69288fbee4904')).toMatchObject({ type: 'tree' });
  });
});
