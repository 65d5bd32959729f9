/**
 * Writing a batch of objects as one version 2 packfile plus its index, or
 * installing a verified pack received whole, the way `git index-pack`
 * installs packs: temporary files, fsync, then rename the pack and after it
 * the index (readers look for the index first).
 */
import { createHash } from 'node:crypto';
import { open, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { constants, crc32 } from 'node:zlib';
import type { RawObject } from '../../objects/raw.js';
import type { PackedObject } from '../backend.js';
import { tempName } from './fs-util.js';
import { deflateObject } from './object-codec.js';
import { encodeEntryHeader, PACK_SIGNATURE, PACK_VERSION } from './pack-format.js';
import { encodePackIndex, PackIndex, type IndexEntry } from './pack-index.js';

/** Buffered bytes handed to the file system at once. */
const WRITE_CHUNK = 1024 * 1024;

/** The file name (in the pack directory) and parsed index of a pack just written. */
export interface WrittenPack {
  readonly packName: string;
  readonly index: PackIndex;
}

/** Writes `objects` (distinct, undeltified) as `pack-<checksum>.pack` and `.idx` in `packDir`. */
export function writePack(packDir: string, objects: readonly RawObject[]): Promise<WrittenPack> {
  return install(packDir, (path) => writePackFile(path, objects));
}

/**
 * Installs `pack`, a complete packfile whose trailer and entries the caller
 * verified, as it is (no inflate, no re-deflate), indexing the entries of
 * `objects`, which must list every entry. Its deltas must have their bases
 * in the pack (Git refuses thin packs on disk).
 */
export function installPack(packDir: string, pack: Uint8Array, objects: readonly PackedObject[]): Promise<WrittenPack> {
  return install(packDir, async (path) => {
    await writeDurably(path, pack);
    const bytes = Buffer.from(pack.buffer, pack.byteOffset, pack.byteLength);
    const end = bytes.length - 20;
    const starts = objects.map((o) => o.offset).sort((a, b) => a - b);
    const next = new Map(starts.map((offset, i) => [offset, starts[i + 1] ?? end]));
    const entries = objects.map(({ object, offset }) => ({ hash: object.hash, offset, crc32: crc32(bytes.subarray(offset, next.get(offset))) }));
    return { checksum: bytes.subarray(end), entries };
  });
}

/** Writes a pack with `writeTemp` under a temporary name, indexes it, then renames both into place. */
async function install(packDir: string, writeTemp: (path: string) => Promise<{ checksum: Buffer; entries: IndexEntry[] }>): Promise<WrittenPack> {
  const tempPack = join(packDir, tempName('tmp_pack_'));
  const tempIdx = join(packDir, tempName('tmp_idx_'));
  try {
    const { checksum, entries } = await writeTemp(tempPack);
    const idx = encodePackIndex(entries, checksum);
    await writeDurably(tempIdx, idx);
    const name = `pack-${checksum.toString('hex')}`;
    await rename(tempPack, join(packDir, `${name}.pack`));
    await rename(tempIdx, join(packDir, `${name}.idx`));
    return { packName: `${name}.pack`, index: PackIndex.parse(idx, join(packDir, `${name}.idx`)) };
  } catch (error) {
    // Best effort: whichever temporary file exists is garbage now; the first error is the one to report.
    await Promise.all([unlink(tempPack).catch(() => undefined), unlink(tempIdx).catch(() => undefined)]);
    throw error;
  }
}

async function writePackFile(path: string, objects: readonly RawObject[]): Promise<{ checksum: Buffer; entries: IndexEntry[] }> {
  const sha = createHash('sha1');
  const header = Buffer.alloc(12);
  header.writeUInt32BE(PACK_SIGNATURE, 0);
  header.writeUInt32BE(PACK_VERSION, 4);
  header.writeUInt32BE(objects.length, 8);
  const entries: IndexEntry[] = [];
  const chunks: Buffer[] = [];
  let offset = 0;
  const push = (bytes: Buffer): void => {
    chunks.push(bytes);
    sha.update(bytes);
    offset += bytes.length;
  };
  push(header);
  const handle = await open(path, 'wx', 0o444);
  try {
    let pending = 0;
    for (const object of objects) {
      const head = encodeEntryHeader(object.type, object.payload.length);
      const data = deflateObject(object.payload, constants.Z_DEFAULT_COMPRESSION); // Git's default pack compression
      entries.push({ hash: object.hash, crc32: crc32(data, crc32(head)), offset });
      push(head);
      push(data);
      pending += head.length + data.length;
      if (pending >= WRITE_CHUNK) {
        await handle.writeFile(Buffer.concat(chunks.splice(0)));
        pending = 0;
      }
    }
    const checksum = sha.digest();
    await handle.writeFile(Buffer.concat([...chunks, checksum]));
    await handle.sync();
    return { checksum, entries };
  } finally {
    await handle.close();
  }
}

/** Writes `bytes` to a new file at `path` and flushes it to disk. */
async function writeDurably(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'wx', 0o444);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

