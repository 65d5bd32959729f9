import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RawObject } from '../../objects/raw.js';
import { LOOSE_BATCH_LIMIT } from './git-objects.js';
import { commitOf, git, gitBytes, makeTempDir, rawObject, removeTempDirs, treeOf } from '../../testing/git-fixture.js';
import { openGitBackend } from './index.js';

afterEach(removeTempDirs);

function looseFiles(gitDir: string): string[] {
  const objects = join(gitDir, 'objects');
  return readdirSync(objects)
    .filter((d) => /^[0-9a-f]{2}$/.test(d))
    .flatMap((d) => readdirSync(join(objects, d)).map((f) => d + f));
}

const packFiles = (gitDir: string) => readdirSync(join(gitDir, 'objects', 'pack')).sort();

/** Git prints the same type and bytes for every object. */
function expectGitSees(gitDir: string, objects: readonly RawObject[]): void {
  for (const o of objects) {
    expect(git(gitDir, ['cat-file', '-t', o.hash])).toBe(o.type);
    expect(gitBytes(gitDir, ['cat-file', o.type, o.hash]).equals(Buffer.from(o.payload))).toBe(true);
  }
}

describe('writeMany', () => {
  it('writes small batches as loose objects git accepts', async () => {
    const backend = await openGitBackend(makeTempDir());
    const gitDir = backend.dir!;
    const blob = rawObject('blob', 'hello grove\n');
    // Tiny, small and big objects take different compression paths.
    const medium = rawObject('blob', 'a line of medium text\n'.repeat(50));
    const big = rawObject('blob', Buffer.from(Array.from({ length: 30_000 }, (_, i) => (i * 7919) % 251)));
    const tree = treeOf([['a', blob], ['b', medium], ['c', big]]);
    const commit = commitOf(tree, 'first');
    await backend.objects.writeMany([blob, medium, big, tree, commit, blob]);
    expect(looseFiles(gitDir).sort()).toEqual([blob.hash, medium.hash, big.hash, tree.hash, commit.hash].sort());
    expect(packFiles(gitDir)).toEqual([]);
    expect(await backend.refs.compareAndSet('refs/heads/main', undefined, commit.hash)).toBe(true);

    git(gitDir, ['fsck', '--strict', '--no-dangling']);
    expect(git(gitDir, ['cat-file', '-p', blob.hash])).toBe('hello grove');
    expect(git(gitDir, ['cat-file', '-p', tree.hash])).toBe(`100644 blob ${blob.hash}\ta\n100644 blob ${medium.hash}\tb\n100644 blob ${big.hash}\tc`);
    expect(git(gitDir, ['log', '--format=%H %s', 'main'])).toBe(`${commit.hash} first`);
    expectGitSees(gitDir, [blob, medium, big, tree, commit]);
    for (const o of [blob, medium, big, tree, commit]) expect(await backend.objects.read(o.hash)).toEqual(o);
  });

  it('writes big batches as one pack that verify-pack and fsck accept', async () => {
    const backend = await openGitBackend(makeTempDir());
    const gitDir = backend.dir!;
    // Sizes from empty through a few KiB to 40 KiB, so every compression path is used.
    const blobs = Array.from({ length: LOOSE_BATCH_LIMIT + 50 }, (_, i) => rawObject('blob', `file ${i}\n`.repeat((i % 7) ** 3 + (i === 5 ? 4000 : 0))));
    const names = blobs.map((_, i) => `f${String(i).padStart(4, '0')}`);
    const tree = treeOf(blobs.map((b, i) => [names[i]!, b] as const));
    const first = commitOf(tree, 'packed');
    const smallTree = treeOf([['only', blobs[3]!]]);
    const second = commitOf(smallTree, 'second', [first.hash]);
    const objects = [...blobs, tree, first, smallTree, second];
    await backend.objects.writeMany(objects);

    expect(looseFiles(gitDir)).toEqual([]);
    const packs = packFiles(gitDir);
    expect(packs).toHaveLength(2);
    expect(packs[0]).toMatch(/^pack-[0-9a-f]{40}\.idx$/);
    expect(packs[1]).toBe(packs[0]!.replace(/idx$/, 'pack'));
    git(gitDir, ['verify-pack', join(gitDir, 'objects', 'pack', packs[0]!)]);

    expect(await backend.refs.compareAndSet('refs/heads/main', undefined, second.hash)).toBe(true);
    git(gitDir, ['fsck', '--strict', '--no-dangling']);
    expect(git(gitDir, ['log', '--format=%s', 'main'])).toBe('second\npacked');
    expectGitSees(gitDir, [blobs[0]!, blobs[99]!, tree, first, second]);
    for (const o of objects) expect(await backend.objects.read(o.hash)).toEqual(o);
    // Written again: everything exists, so nothing new is written.
    await backend.objects.writeMany(objects);
    expect(packFiles(gitDir)).toEqual(packs);
    expect(looseFiles(gitDir)).toEqual([]);
  });

  it('skips objects that exist loose, and packs only the new ones', async () => {
    const backend = await openGitBackend(makeTempDir());
    const gitDir = backend.dir!;
    const blobs = Array.from({ length: 2 * LOOSE_BATCH_LIMIT }, (_, i) => rawObject('blob', `b${i}`));
    await backend.objects.writeMany(blobs.slice(0, 10));
    await backend.objects.writeMany(blobs);
    expect(looseFiles(gitDir)).toHaveLength(10);
    const idx = packFiles(gitDir).find((f) => f.endsWith('.idx'))!;
    expect(git(gitDir, ['verify-pack', '-s', join(gitDir, 'objects', 'pack', idx)])).toContain(`non delta: ${blobs.length - 10} objects`);
    git(gitDir, ['fsck', '--strict']);
  });

  it('refuses a malformed id, and a wrong one is caught when read', async () => {
    const backend = await openGitBackend(makeTempDir());
    const bad = { ...rawObject('blob', 'x'), hash: '../../../etc/passwd' };
    await expect(backend.objects.writeMany([bad])).rejects.toMatchObject({ code: 'corrupt-object' });
    expect(looseFiles(backend.dir!)).toEqual([]);
    const wrong = { ...rawObject('blob', 'x'), payload: Buffer.from('y') };
    await backend.objects.writeMany([wrong]);
    await expect(backend.objects.read(wrong.hash)).rejects.toMatchObject({ code: 'corrupt-object', data: { hash: wrong.hash } });
  });
});

describe('writePack', () => {
  it('installs a big verified pack as it is, deltas included, and a small one loose', async () => {
    const source = await openGitBackend(makeTempDir());
    const blobs = Array.from({ length: LOOSE_BATCH_LIMIT + 10 }, (_, i) => rawObject('blob', `${'shared text\n'.repeat(40)}line ${i}\n`));
    const tree = treeOf(blobs.map((b, i) => [`f${String(i).padStart(4, '0')}`, b] as const));
    const commit = commitOf(tree, 'packed');
    const objects = [...blobs, tree, commit];
    await source.objects.writeMany(objects);
    await source.refs.compareAndSet('refs/heads/main', undefined, commit.hash);
    git(source.dir!, ['repack', '-adfq']); // deltified: OFS_DELTA entries against bases in the pack
    const packDir = join(source.dir!, 'objects', 'pack');
    const idx = packFiles(source.dir!).find((f) => f.endsWith('.idx'))!;
    // `verify-pack -v` lines: id, type, size, size in pack, offset[, depth, base].
    const listing = git(source.dir!, ['verify-pack', '-v', join(packDir, idx)]).split('\n').map((line) => line.split(/\s+/));
    const offsets = new Map(listing.filter((f) => /^[0-9a-f]{40}$/.test(f[0]!) && f.length >= 5).map((f) => [f[0]!, Number(f[4])] as const));
    expect(listing.some((f) => f.length === 7)).toBe(true);
    const pack = readFileSync(join(packDir, idx.replace(/idx$/, 'pack')));

    const target = await openGitBackend(makeTempDir());
    await target.objects.writePack!(pack, objects.map((object) => ({ object, offset: offsets.get(object.hash)! })));
    const installed = packFiles(target.dir!);
    expect(installed).toEqual(packFiles(source.dir!).filter((f) => f.endsWith('.idx') || f.endsWith('.pack')));
    expect(readFileSync(join(target.dir!, 'objects', 'pack', installed[1]!)).equals(pack)).toBe(true);
    expect(looseFiles(target.dir!)).toEqual([]);
    for (const o of objects) expect(await target.objects.read(o.hash)).toEqual(o);
    expect(await target.refs.compareAndSet('refs/heads/main', undefined, commit.hash)).toBe(true);
    git(target.dir!, ['fsck', '--strict', '--no-dangling']);

    const small = await openGitBackend(makeTempDir());
    await small.objects.writePack!(pack, [{ object: blobs[0]!, offset: offsets.get(blobs[0]!.hash)! }]);
    expect(looseFiles(small.dir!)).toEqual([blobs[0]!.hash]);
    expect(packFiles(small.dir!)).toEqual([]);
  });
});
