import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { git, makeTempDir, rawObject, removeTempDirs } from '../../testing/git-fixture.js';
import { openGitBackend } from './index.js';
import { encodePackIndex, PackIndex } from './pack-index.js';

afterEach(removeTempDirs);

/** A delta that keeps the base's first `keep` bytes and appends `tail`. */
function delta(base: Buffer, keep: number, tail: string): Buffer {
  const size = (n: number) => {
    const bytes = [];
    for (; n >= 0x80; n = Math.floor(n / 128)) bytes.push((n & 0x7f) | 0x80);
    return [...bytes, n];
  };
  const copy = [0x80 | 0x01 | 0x10 | 0x20, 0, keep & 0xff, keep >> 8];
  return Buffer.from([...size(base.length), ...size(keep + tail.length), ...copy, tail.length, ...Buffer.from(tail)]);
}

/** A one-entry pack: a REF_DELTA against `baseHash` (not in the pack: a "thin" pack). */
function thinPack(baseHash: string, deltaBytes: Buffer): { pack: Buffer; crc: number } {
  const header = Buffer.from([0x50, 0x41, 0x43, 0x4b, 0, 0, 0, 2, 0, 0, 0, 1]);
  const entryHeader = Buffer.from([(7 << 4) | (deltaBytes.length & 0x0f) | 0x80, deltaBytes.length >> 4]);
  const entry = Buffer.concat([entryHeader, Buffer.from(baseHash, 'hex'), deflateSync(deltaBytes)]);
  const body = Buffer.concat([header, entry]);
  return { pack: Buffer.concat([body, createHash('sha1').update(body).digest()]), crc: crc32(entry) };
}

/** A new repository holding one pack: `target` as a REF_DELTA against `base`, which is not stored. */
async function thinDeltaRepo() {
    const backend = await openGitBackend(makeTempDir());
    const base = rawObject('blob', 'a shared beginning, then the base ending');
    const target = rawObject('blob', 'a shared beginning, and a new ending');
    const { pack, crc } = thinPack(base.hash, delta(Buffer.from(base.payload), 'a shared beginning'.length, ', and a new ending'));
    const checksum = pack.subarray(pack.length - 20);
    const name = join(backend.dir!, 'objects', 'pack', `pack-${checksum.toString('hex')}`);
    writeFileSync(`${name}.pack`, pack);
    writeFileSync(`${name}.idx`, encodePackIndex([{ hash: target.hash, crc32: crc, offset: 12 }], checksum));
  return { backend, base, target, pack, checksum, crc };
}

describe('packs', () => {
  it('resolves a REF_DELTA whose base is a loose object, and reports a missing base', async () => {
    const { backend, base, target } = await thinDeltaRepo();
    await expect(backend.objects.read(target.hash)).rejects.toMatchObject({ code: 'corrupt-object', data: { hash: target.hash } });
    await backend.objects.writeMany([base]);
    expect(await backend.objects.read(target.hash)).toEqual(target);
    expect(await backend.objects.has(target.hash)).toBe(true);
  });

  it('reads stored entries as they are: whole, OFS_DELTA and REF_DELTA bases as ids, CRC-32 checked', async () => {
    const { backend, base, target, pack, checksum, crc } = await thinDeltaRepo();
    const stored = await backend.objects.readPacked!(target.hash);
    expect(stored).toMatchObject({ kind: 'delta', base: base.hash, size: pack[13]! * 16 + (pack[12]! & 0x0f) });
    expect(pack.includes(Buffer.from(stored!.data))).toBe(true);
    expect(await backend.objects.readPacked!(base.hash)).toBeUndefined();

    const damaged = await openGitBackend(makeTempDir());
    const copy = Buffer.from(pack);
    copy[copy.length - 21]! ^= 0xff; // the entry's last byte, before the trailer
    writeFileSync(join(damaged.dir!, 'objects', 'pack', `pack-${checksum.toString('hex')}.pack`), copy);
    writeFileSync(join(damaged.dir!, 'objects', 'pack', `pack-${checksum.toString('hex')}.idx`), encodePackIndex([{ hash: target.hash, crc32: crc, offset: 12 }], checksum));
    await expect(damaged.objects.readPacked!(target.hash)).rejects.toMatchObject({ code: 'corrupt-object', data: { hash: target.hash } });

    // git's own pack: OFS_DELTA bases become ids.
    const work = makeTempDir();
    git(work, ['init', '-q']);
    for (let i = 0; i < 3; i++) {
      writeFileSync(join(work, 'f'), `${'the same line\n'.repeat(50)}version ${i}\n`);
      git(work, ['add', 'f']);
      git(work, ['commit', '-q', '-m', `v${i}`]);
    }
    git(work, ['gc', '-q']);
    const packed = await openGitBackend(work);
    const blobs = git(work, ['rev-list', '--objects', '--all']).split('\n').filter((l) => l.endsWith(' f')).map((l) => l.slice(0, 40));
    const entries = await Promise.all(blobs.map((h) => packed.objects.readPacked!(h)));
    const deltas = entries.filter((e) => e?.kind === 'delta');
    expect(deltas.length).toBeGreaterThan(0);
    for (const d of deltas) expect(blobs).toContain(d?.kind === 'delta' ? d.base : undefined);
    expect(entries.filter((e) => e?.kind === 'object')).toHaveLength(blobs.length - deltas.length);
  });

  it('encodes 64-bit offsets the way git reads them', async () => {
    const dir = makeTempDir();
    const entries = [
      { hash: rawObject('blob', 'near').hash, crc32: 0x1234, offset: 12 },
      { hash: rawObject('blob', 'far').hash, crc32: 0xfedcba98, offset: 2 ** 32 + 5 },
      { hash: rawObject('blob', 'middle').hash, crc32: 7, offset: 2 ** 31 },
    ];
    const idx = encodePackIndex(entries, Buffer.alloc(20, 0xab));
    writeFileSync(join(dir, 'test.idx'), idx);
    const shown = git(dir, ['show-index'], readFileSync(join(dir, 'test.idx')));
    for (const e of entries) expect(shown).toContain(`${e.offset} ${e.hash} (${e.crc32.toString(16).padStart(8, '0')})`);
    const index = PackIndex.parse(idx, 'test.idx');
    for (const e of entries) expect(index.find(Buffer.from(e.hash, 'hex'))).toBe(e.offset);
    expect(index.find(Buffer.from(rawObject('blob', 'absent').hash, 'hex'))).toBeUndefined();
    expect(index.nextOffset(12)).toBe(2 ** 31);
    expect(index.nextOffset(2 ** 32 + 5)).toBeUndefined();
    expect(() => PackIndex.parse(idx.subarray(0, idx.length - 1), 'cut.idx')).toThrow(expect.objectContaining({ code: 'corrupt-object' }));
  });
});
