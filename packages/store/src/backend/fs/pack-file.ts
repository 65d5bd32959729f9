/**
 * Reading objects from one packfile through its index: positioned reads of
 * single entries, inflate, and delta chains resolved from the base outwards.
 * Before its first read a pack's header and trailer are checked against its
 * index (two small reads; the objects themselves are verified as they are read).
 */
import { readSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { StoreError } from '../../errors.js';
import type { Hash } from '../../objects/hash.js';
import type { RawObject } from '../../objects/raw.js';
import type { StoredEntry } from '../backend.js';
import type { BaseCache, Resolved } from './base-cache.js';
import { applyDelta } from './delta.js';
import { corruptObject, inflateObject, verifiedObject } from './object-codec.js';
import { decodeEntryHeader, PACK_SIGNATURE, type EntryHeader } from './pack-format.js';
import type { PackIndex } from './pack-index.js';
import { SharedHandle, type OpenFile } from './shared-handle.js';

/** Finds a delta base that is not in this pack (REF_DELTA against another pack or a loose object). */
export type BaseLookup = (hash: Hash) => Promise<RawObject | undefined>;

/** Far deeper than Git writes (50, or 250 with `--aggressive`); only a cycle gets here. */
const MAX_CHAIN = 10_000;
/** The pack header: signature, version, object count. */
const PACK_HEADER = 12;
/** The pack versions Git reads (it writes 2). */
const VERSIONS = new Set([2, 3]);
const TRAILER = 20;
/** Bytes read at once: walks read neighbouring entries in a row, and one read serves them all. */
const WINDOW = 64 * 1024;
/** Bytes a window also reads on the side away from the direction of reading. */
const MARGIN = 4 * 1024;

/** One `.pack` file and its parsed `.idx`. */
export class PackFile {
  readonly #file: SharedHandle;
  /** The bytes of the last read; a pack never changes, so they stay valid. */
  #window = { start: 0, bytes: Buffer.alloc(0) };
  /** Set once header and trailer passed `#checkEnds`; a damaged pack is checked (and refused) on every read. */
  #endsChecked = false;

  constructor(
    readonly path: string,
    readonly index: PackIndex,
    readonly cache: BaseCache,
  ) {
    this.#file = new SharedHandle(path);
  }

  /**
   * The verified object with raw id `id`, or undefined when the index does
   * not list it. Rejects with the `open` error (ENOENT) when the pack is gone.
   */
  async read(hash: Hash, id: Buffer, lookup: BaseLookup): Promise<RawObject | undefined> {
    const offset = this.index.find(id);
    if (offset === undefined) return undefined;
    const { type, payload } = await this.#file.use((file) => this.#resolve(this.#checkEnds(file), hash, offset, lookup));
    return verifiedObject(hash, type, payload);
  }

  /**
   * The entry of the object with raw id `id` as stored (see
   * `ObjectStore.readPacked`), or undefined when the index does not list
   * it. Throws `corrupt-object` when the entry's bytes do not match the
   * index's CRC-32 or its header is damaged.
   */
  async readStored(hash: Hash, id: Buffer): Promise<StoredEntry | undefined> {
    const offset = this.index.find(id);
    if (offset === undefined) return undefined;
    return this.#file.use(async (opened) => {
      const file = this.#checkEnds(opened);
      const bytes = this.#bytes(file, hash, offset, this.#end(file, hash, offset));
      if (crc32(bytes) !== this.index.entryAt(offset)?.crc32) throw corruptObject(hash, 'pack entry does not match its CRC-32 in the index', offset);
      const header = this.#header(hash, bytes, offset);
      const data = bytes.subarray(header.dataStart - offset);
      if (header.kind === 'object') return { kind: 'object', type: header.type, size: header.size, data };
      const base = header.kind === 'ref-delta' ? header.baseHash.toString('hex') : this.index.entryAt(header.baseOffset)?.hash;
      if (base === undefined) throw corruptObject(hash, 'its delta base offset is not an entry', offset);
      return { kind: 'delta', base, size: header.size, data };
    });
  }

  /**
   * Checks what costs two small reads: the `PACK` signature, a version Git
   * reads, and a trailer (the pack's SHA-1) equal to the one the index
   * records. Returns `file`; throws `corrupt-object` naming the pack.
   */
  #checkEnds(file: OpenFile): OpenFile {
    if (this.#endsChecked) return file;
    if (file.size < PACK_HEADER + TRAILER) throw this.#corrupt('too short to be a pack');
    const header = readExactly(file, 0, PACK_HEADER);
    const trailer = readExactly(file, file.size - TRAILER, TRAILER);
    if (header === undefined || trailer === undefined) throw this.#corrupt('it is truncated');
    if (header.readUInt32BE(0) !== PACK_SIGNATURE) throw this.#corrupt('no PACK signature');
    if (!VERSIONS.has(header.readUInt32BE(4))) throw this.#corrupt(`unsupported version ${header.readUInt32BE(4)}`);
    if (!trailer.equals(this.index.packChecksum)) throw this.#corrupt('its trailer checksum does not match the one in its .idx');
    this.#endsChecked = true;
    return file;
  }

  #corrupt(problem: string): StoreError {
    return new StoreError(
      'corrupt-object',
      `pack ${this.path} is corrupt (${problem}); run \`git fsck\` in the repository, then re-fetch or restore the pack from a clone or backup`,
      { file: this.path },
    );
  }

  async #resolve(file: OpenFile, hash: Hash, offset: number, lookup: BaseLookup): Promise<Resolved> {
    const deltas: { offset: number; data: Buffer }[] = [];
    let at = offset;
    let base = this.cache.get(this.#key(at));
    while (base === undefined) {
      if (deltas.length > MAX_CHAIN) throw corruptObject(hash, 'delta chain too long or circular', at);
      const { header, data } = this.#entry(file, hash, at);
      if (header.kind === 'object') {
        base = { type: header.type, payload: data };
        break;
      }
      deltas.push({ offset: at, data });
      // The base: an offset in this pack, or (REF_DELTA to another pack) an id.
      const next = header.kind === 'ofs-delta' ? header.baseOffset : (this.index.find(header.baseHash) ?? header.baseHash.toString('hex'));
      if (typeof next === 'string') {
        base = await external(hash, next, at, lookup);
        at = -1;
        break;
      }
      at = next;
      base = this.cache.get(this.#key(at));
    }
    for (let i = deltas.length - 1; i >= 0; i--) {
      const delta = deltas[i]!;
      if (at >= 0) this.cache.set(this.#key(at), base);
      const payload = applyDelta(base.payload, delta.data);
      if (typeof payload === 'string') throw corruptObject(hash, payload, delta.offset);
      base = { type: base.type, payload };
      at = delta.offset;
    }
    return base;
  }

  #key(offset: number): string {
    return `${this.path}:${offset}`;
  }

  /**
   * Reads and inflates the entry at `offset`; its end is where the next
   * entry starts.
   */
  #entry(file: OpenFile, hash: Hash, offset: number): { header: EntryHeader; data: Buffer } {
    const bytes = this.#bytes(file, hash, offset, this.#end(file, hash, offset));
    const header = this.#header(hash, bytes, offset);
    const data = inflateObject(bytes.subarray(header.dataStart - offset), hash, offset, header.size);
    if (data.length !== header.size) {
      throw corruptObject(hash, `pack entry should inflate to ${header.size} bytes, got ${data.length}`, offset);
    }
    return { header, data };
  }

  /** Where the entry at `offset` ends: where the next one starts, or at the trailer. */
  #end(file: OpenFile, hash: Hash, offset: number): number {
    const end = this.index.nextOffset(offset) ?? file.size - TRAILER;
    if (offset < PACK_HEADER || end <= offset || end > file.size - TRAILER) {
      throw corruptObject(hash, 'pack entry outside the pack', offset);
    }
    return end;
  }

  /** The decoded header at the start of `bytes`, the entry at `offset`. */
  #header(hash: Hash, bytes: Buffer, offset: number): EntryHeader {
    const header = decodeEntryHeader(bytes, offset);
    if (typeof header === 'string') throw corruptObject(hash, header, offset);
    return header;
  }

  /**
   * Bytes [offset, end) of the pack, from the window of the last read or
   * read with a window around them: mostly the bytes that follow, or those
   * before when reads move backwards (a walk from the newest commit of a
   * pack written oldest first), with `MARGIN` on the other side for
   * neighbours read out of order (a commit's trees). Reads are synchronous
   * on the already-open descriptor (Git maps its packs into memory): a
   * round trip through libuv's thread pool per entry cost ten times the
   * read when a walk reads thousands of entries in a row.
   */
  #bytes({ handle, size }: OpenFile, hash: Hash, offset: number, end: number): Buffer {
    const { start, bytes } = this.#window;
    if (offset >= start && end <= start + bytes.length) return bytes.subarray(offset - start, end - start);
    const from = Math.max(0, Math.min(offset, offset < start ? end + MARGIN - WINDOW : offset - MARGIN));
    const window = Buffer.allocUnsafe(Math.max(end - from, Math.min(WINDOW, size - from)));
    for (let filled = 0; filled < window.length; ) {
      const bytesRead = readSync(handle.fd, window, filled, window.length - filled, from + filled);
      if (bytesRead === 0) throw corruptObject(hash, 'pack is truncated', offset);
      filled += bytesRead;
    }
    this.#window = { start: from, bytes: window };
    return window.subarray(offset - from, end - from);
  }
}

/** `length` bytes of `file` from `position`, or undefined when the file ends first. */
function readExactly({ handle }: OpenFile, position: number, length: number): Buffer | undefined {
  const bytes = Buffer.alloc(length);
  for (let filled = 0; filled < length; ) {
    const bytesRead = readSync(handle.fd, bytes, filled, length - filled, position + filled);
    if (bytesRead === 0) return undefined;
    filled += bytesRead;
  }
  return bytes;
}

async function external(hash: Hash, baseHash: Hash, offset: number, lookup: BaseLookup): Promise<Resolved> {
  const base = await lookup(baseHash);
  if (base === undefined) throw corruptObject(hash, `its delta base ${baseHash} is missing`, offset);
  const { buffer, byteOffset, byteLength } = base.payload;
  return { type: base.type, payload: Buffer.from(buffer, byteOffset, byteLength) };
}
