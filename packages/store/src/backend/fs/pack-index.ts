/**
 * Pack index files, version 2 (gitformat-pack): a 256-entry fan-out table,
 * sorted object ids, CRC-32s, 31-bit offsets with a 64-bit overflow table,
 * then the pack's and the index's SHA-1. Read whole into memory, searched
 * in place.
 */
import { createHash } from 'node:crypto';
import { StoreError } from '../../errors.js';
import type { Hash } from '../../objects/hash.js';

const MAGIC = 0xff744f63;
const VERSION = 2;
const HEADER = 8;
const FANOUT = HEADER;
const IDS = FANOUT + 256 * 4;
const LARGE = 0x80000000;

/** What the index records about one object of a pack. */
export interface IndexEntry {
  readonly hash: Hash;
  readonly crc32: number;
  readonly offset: number;
}

/** A parsed `.idx` file: lookups by id, and entry boundaries by offset. */
export class PackIndex {
  readonly count: number;
  readonly #idx: Buffer;
  readonly #crcs: number;
  readonly #offsets: number;
  readonly #large: number;
  #sorted: { offsets: Float64Array; order: Uint32Array } | undefined;

  /** Parses the bytes of the index file at `path`; throws `corrupt-object` unless they are a valid version 2 index. */
  static parse(idx: Buffer, path: string): PackIndex {
    const problem = PackIndex.#check(idx);
    if (problem !== undefined) {
      throw new StoreError('corrupt-object', `pack index ${path} is corrupt (${problem}); rebuild it with \`git index-pack\` on its pack, or restore it from a backup`, { dir: path });
    }
    return new PackIndex(idx, idx.readUInt32BE(IDS - 4));
  }

  static #check(idx: Buffer): string | undefined {
    if (idx.length < IDS + 40 || idx.readUInt32BE(0) !== MAGIC || idx.readUInt32BE(4) !== VERSION) {
      return 'not a version 2 pack index';
    }
    for (let byte = 1; byte < 256; byte++) {
      if (idx.readUInt32BE(FANOUT + byte * 4) < idx.readUInt32BE(FANOUT + (byte - 1) * 4)) return 'fan-out table not sorted';
    }
    const count = idx.readUInt32BE(IDS - 4);
    const minimum = IDS + count * 28 + 40;
    if (idx.length < minimum || (idx.length - minimum) % 8 !== 0) return 'wrong size for its object count';
    const checksum = sha1(idx.subarray(0, idx.length - 20));
    return checksum.equals(idx.subarray(idx.length - 20)) ? undefined : 'checksum mismatch';
  }

  private constructor(idx: Buffer, count: number) {
    this.#idx = idx;
    this.count = count;
    this.#crcs = IDS + count * 20;
    this.#offsets = this.#crcs + count * 4;
    this.#large = this.#offsets + count * 4;
  }

  /** The SHA-1 of the pack this index describes (its trailer). */
  get packChecksum(): Buffer {
    return this.#idx.subarray(this.#idx.length - 40, this.#idx.length - 20);
  }

  /**
   * The pack offset of the object with this raw 20-byte id, or undefined.
   * Ids are compared in JavaScript: most comparisons end at the first
   * differing byte, sooner than a call into Buffer returns.
   */
  find(id: Buffer): number | undefined {
    const idx = this.#idx;
    const first = id[0]!;
    let low = first === 0 ? 0 : idx.readUInt32BE(FANOUT + (first - 1) * 4);
    let high = idx.readUInt32BE(FANOUT + first * 4);
    while (low < high) {
      const middle = (low + high) >>> 1;
      const at = IDS + middle * 20;
      let order = 0;
      for (let i = 0; i < 20 && order === 0; i++) order = idx[at + i]! - id[i]!;
      if (order === 0) return this.#offsetAt(middle);
      if (order > 0) high = middle;
      else low = middle + 1;
    }
    return undefined;
  }

  /** The offset of the i-th id; -1 for a damaged entry (callers range-check offsets). */
  #offsetAt(i: number): number {
    const small = this.#idx.readUInt32BE(this.#offsets + i * 4);
    if ((small & LARGE) === 0) return small;
    const at = this.#large + (small & ~LARGE) * 8;
    return at + 8 <= this.#idx.length - 40 ? Number(this.#idx.readBigUInt64BE(at)) : -1;
  }

  /** The offset of the entry after the one at `offset`, or undefined for the last entry. */
  nextOffset(offset: number): number | undefined {
    const { offsets } = this.#byOffset();
    return offsets[rankAfter(offsets, offset)];
  }

  /**
   * The id and CRC-32 of the entry that starts at `offset`, or undefined
   * when no entry starts there: how an OFS_DELTA's base offset becomes an id.
   */
  entryAt(offset: number): { readonly hash: Hash; readonly crc32: number } | undefined {
    const { offsets, order } = this.#byOffset();
    const rank = rankAfter(offsets, offset) - 1;
    if (rank < 0 || offsets[rank] !== offset) return undefined;
    const i = order[rank]!;
    return { hash: this.#idx.toString('hex', IDS + i * 20, IDS + i * 20 + 20), crc32: this.#idx.readUInt32BE(this.#crcs + i * 4) };
  }

  /** The offsets in increasing order, and the position in the index of each; built on first use. */
  #byOffset(): { offsets: Float64Array; order: Uint32Array } {
    if (this.#sorted === undefined) {
      const order = Uint32Array.from({ length: this.count }, (_, i) => i).sort((a, b) => this.#offsetAt(a) - this.#offsetAt(b));
      this.#sorted = { offsets: Float64Array.from(order, (i) => this.#offsetAt(i)), order };
    }
    return this.#sorted;
  }
}

/** The number of `sorted` values at or below `value` (binary search). */
function rankAfter(sorted: Float64Array, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! <= value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** Encodes a version 2 index for a pack with trailer `packChecksum`; `entries` (distinct ids) in any order. */
export function encodePackIndex(entries: readonly IndexEntry[], packChecksum: Buffer): Buffer {
  const byHash = new Map(entries.map((e) => [e.hash, e]));
  const sorted = [...byHash.keys()].sort().map((hash) => byHash.get(hash)!);
  const count = sorted.length;
  const large = sorted.filter((e) => e.offset >= LARGE).length;
  const idx = Buffer.alloc(IDS + count * 28 + large * 8 + 40);
  idx.writeUInt32BE(MAGIC, 0);
  idx.writeUInt32BE(VERSION, 4);
  const crcs = IDS + count * 20;
  const offsets = crcs + count * 4;
  const firstBytes = new Uint32Array(256);
  let nextLarge = 0;
  sorted.forEach((e, i) => {
    idx.write(e.hash, IDS + i * 20, 'hex');
    firstBytes[idx[IDS + i * 20]!]!++;
    idx.writeUInt32BE(e.crc32, crcs + i * 4);
    if (e.offset < LARGE) idx.writeUInt32BE(e.offset, offsets + i * 4);
    else {
      idx.writeUInt32BE((LARGE | nextLarge) >>> 0, offsets + i * 4);
      idx.writeBigUInt64BE(BigInt(e.offset), offsets + count * 4 + nextLarge++ * 8);
    }
  });
  for (let byte = 0, total = 0; byte < 256; byte++) {
    total += firstBytes[byte]!;
    idx.writeUInt32BE(total, FANOUT + byte * 4);
  }
  packChecksum.copy(idx, idx.length - 40);
  sha1(idx.subarray(0, idx.length - 20)).copy(idx, idx.length - 20);
  return idx;
}

function sha1(bytes: Buffer): Buffer {
  return createHash('sha1').update(bytes).digest();
}
