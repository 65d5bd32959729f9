import { chmodSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { frameObject } from '../../objects/hash.js';
import { LOOSE_BATCH_LIMIT } from './git-objects.js';
import { makeTempDir, rawObject, removeTempDirs } from '../../testing/git-fixture.js';
import { openGitBackend } from './index.js';

afterEach(removeTempDirs);

const blob = rawObject('blob', 'precious content that must never be misread\n'.repeat(4));

/** A repository holding `blob` loose, and the path of its file (made writable). */
async function withLooseBlob() {
  const backend = await openGitBackend(makeTempDir());
  await backend.objects.writeMany([blob]);
  const path = join(backend.dir!, 'objects', blob.hash.slice(0, 2), blob.hash.slice(2));
  chmodSync(path, 0o644);
  return { backend, path };
}

const corrupt = { code: 'corrupt-object', data: { hash: blob.hash } };

describe('damaged objects', () => {
  it('a flipped byte in a loose file is corrupt-object', async () => {
    const { backend, path } = await withLooseBlob();
    const bytes = readFileSync(path);
    bytes[bytes.length >> 1] = bytes[bytes.length >> 1]! ^ 0x40;
    writeFileSync(path, bytes);
    await expect(backend.objects.read(blob.hash)).rejects.toMatchObject(corrupt);
  });

  it('a truncated loose file is corrupt-object', async () => {
    const { backend, path } = await withLooseBlob();
    truncateSync(path, readFileSync(path).length - 6);
    await expect(backend.objects.read(blob.hash)).rejects.toMatchObject(corrupt);
  });

  it('a valid zlib stream with other content is corrupt-object', async () => {
    const { backend, path } = await withLooseBlob();
    writeFileSync(path, deflateSync(frameObject('blob', Buffer.from('something else'))));
    await expect(backend.objects.read(blob.hash)).rejects.toMatchObject(corrupt);
  });

  it('a header whose length disagrees with the content is corrupt-object', async () => {
    const { backend, path } = await withLooseBlob();
    const framed = frameObject('blob', Buffer.from(blob.payload));
    writeFileSync(path, deflateSync(Buffer.concat([Buffer.from('blob 3\0'), framed.subarray(framed.indexOf(0) + 1)])));
    await expect(backend.objects.read(blob.hash)).rejects.toMatchObject(corrupt);
  });

  it('damage in a pack yields corrupt-object or the right bytes, never wrong data', async () => {
    const backend = await openGitBackend(makeTempDir());
    const blobs = Array.from({ length: LOOSE_BATCH_LIMIT }, (_, i) => rawObject('blob', `packed blob ${i}\n`.repeat(3)));
    await backend.objects.writeMany(blobs);
    const packDir = join(backend.dir!, 'objects', 'pack');
    const pack = join(packDir, readdirSync(packDir).find((f) => f.endsWith('.pack'))!);
    chmodSync(pack, 0o644);
    const bytes = readFileSync(pack);
    for (let at = 100; at < bytes.length - 20; at += 997) bytes[at] = bytes[at]! ^ 0x01;
    writeFileSync(pack, bytes);
    const reopened = await openGitBackend(backend.dir!);
    let damaged = 0;
    for (const b of blobs) {
      try {
        expect(await reopened.objects.read(b.hash)).toEqual(b);
      } catch (error) {
        expect(error).toMatchObject({ code: 'corrupt-object', data: { hash: b.hash } });
        damaged++;
      }
    }
    expect(damaged).toBeGreaterThan(0);
  });
});
