import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { git, makeTempDir, removeTempDirs } from '../../testing/git-fixture.js';
import { baseCache } from './base-cache.js';
import { openGitBackend } from './index.js';
import { PackFile } from './pack-file.js';
import { PackIndex } from './pack-index.js';

afterEach(removeTempDirs);

/** A repository whose objects git packed with `git repack -ad`: one pack, its files made writable. */
function packedRepo() {
  const dir = makeTempDir();
  git(dir, ['init', '-q', '--bare']);
  const blob = store(dir, 'packed content\n'.repeat(20));
  git(dir, ['repack', '-adq']);
  const packDir = join(dir, 'objects', 'pack');
  const name = readdirSync(packDir).find((f) => f.endsWith('.pack'))!;
  const pack = join(packDir, name);
  const idx = pack.replace(/\.pack$/, '.idx');
  chmodSync(pack, 0o644);
  chmodSync(idx, 0o644);
  return { dir, blob, packDir, pack, idx };
}

/** Writes a blob into the repository at `dir`, referenced by a tag so that `git repack -a` packs it; returns its id. */
function store(dir: string, content: string): string {
  const blob = git(dir, ['hash-object', '-w', '--stdin'], content);
  git(dir, ['update-ref', `refs/tags/b-${blob}`, blob]);
  return blob;
}

/** Rewrites `path` with `change` applied to its bytes. */
function damage(path: string, change: (bytes: Buffer) => void): void {
  const bytes = readFileSync(path);
  change(bytes);
  writeFileSync(path, bytes);
}

describe('pack integrity', () => {
  it('reads an intact pack made by git repack', async () => {
    const { dir, blob } = packedRepo();
    const backend = await openGitBackend(dir);
    expect(Buffer.from((await backend.objects.read(blob))!.payload).toString()).toBe('packed content\n'.repeat(20));
  });

  const damages: [string, (repo: ReturnType<typeof packedRepo>) => void, RegExp][] = [
    ['a flipped byte in the PACK signature', ({ pack }) => damage(pack, (b) => void (b[1]! ^= 0x20)), /no PACK signature/],
    ['an unknown version', ({ pack }) => damage(pack, (b) => b.writeUInt32BE(9, 4)), /unsupported version 9/],
    ['a flipped byte in the trailer', ({ pack }) => damage(pack, (b) => void (b[b.length - 1]! ^= 0x01)), /trailer checksum/],
    [
      'an idx that records another pack checksum',
      ({ idx }) =>
        damage(idx, (b) => {
          b[b.length - 40]! ^= 0x01;
          createHash('sha1').update(b.subarray(0, b.length - 20)).digest().copy(b, b.length - 20);
        }),
      /trailer checksum/,
    ],
  ];
  for (const [what, apply, problem] of damages) {
    it(`refuses a pack with ${what}: corrupt-object naming the pack`, async () => {
      const repo = packedRepo();
      apply(repo);
      const backend = await openGitBackend(repo.dir);
      const read = backend.objects.read(repo.blob);
      await expect(read).rejects.toMatchObject({ code: 'corrupt-object', data: { file: repo.pack } });
      await expect(read).rejects.toThrow(problem);
      await expect(backend.objects.read(repo.blob)).rejects.toThrow(/git fsck/);
      await expect(backend.objects.readPacked!(repo.blob)).rejects.toMatchObject({ code: 'corrupt-object', data: { file: repo.pack } });
    });
  }

});

describe('pack directory rescans', () => {
  /** A second repository's pack holding one blob, to slip into `packDir`. */
  function otherPack(content: string) {
    const repo = packedRepo();
    store(repo.dir, content);
    git(repo.dir, ['repack', '-adq']);
    const name = readdirSync(repo.packDir).find((f) => f.endsWith('.pack'))!.replace(/\.pack$/, '');
    return { packDir: repo.packDir, name, blob: git(repo.dir, ['hash-object', '--stdin'], content) };
  }

  it('finds a pack that git repack adds after a miss', async () => {
    const { dir, packDir } = packedRepo();
    utimesSync(packDir, 1_000_000, 1_000_000); // old enough to trust
    const backend = await openGitBackend(dir);
    const blob = git(dir, ['hash-object', '--stdin'], 'arrives later\n');
    expect(await backend.objects.has(blob)).toBe(false);
    store(dir, 'arrives later\n');
    git(dir, ['repack', '-adq']);
    expect(existsSync(join(dir, 'objects', blob.slice(0, 2), blob.slice(2)))).toBe(false); // packed only
    expect(await backend.objects.has(blob)).toBe(true);
    expect(Buffer.from((await backend.objects.read(blob))!.payload).toString()).toBe('arrives later\n');
  });

  it('misses do not rescan an unchanged directory; a changed mtime makes them rescan', async () => {
    const { dir, packDir } = packedRepo();
    utimesSync(packDir, 1_000_000, 1_000_000);
    const backend = await openGitBackend(dir);
    const other = otherPack('slipped in\n');
    expect(await backend.objects.has(other.blob)).toBe(false);
    for (const ext of ['.idx', '.pack']) renameSync(join(other.packDir, other.name + ext), join(packDir, other.name + ext));
    utimesSync(packDir, 1_000_000, 1_000_000); // as if nothing changed: the known mtime is trusted
    expect(await backend.objects.has(other.blob)).toBe(false);
    utimesSync(packDir, 2_000_000, 2_000_000);
    expect(await backend.objects.has(other.blob)).toBe(true);
  });

  it('rescans on every miss while the mtime is too recent to trust (a change in the same clock tick keeps it)', async () => {
    const { dir, packDir } = packedRepo();
    const tick = Math.floor(Date.now() / 1000) + 60; // recent (here: ahead), so any scan that sees it is racy
    utimesSync(packDir, tick, tick);
    const backend = await openGitBackend(dir);
    const other = otherPack('same tick\n');
    expect(await backend.objects.has(other.blob)).toBe(false);
    for (const ext of ['.idx', '.pack']) renameSync(join(other.packDir, other.name + ext), join(packDir, other.name + ext));
    utimesSync(packDir, tick, tick);
    expect(await backend.objects.has(other.blob)).toBe(true);
  });
});
