/**
 * Reading and verifying a received packfile as a whole before anything is
 * stored: the trailer checksum, every entry's header and zlib stream and
 * size, delta chains (OFS_DELTA inside the pack, REF_DELTA against the pack
 * or objects we already have); every object's id is computed from its
 * content. Any defect rejects the pack with `bad-pack` and its offset.
 */
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { applyDelta, decodeEntryHeader, hashObject, outputChunk, PACK_SIGNATURE, type Hash, type ObjectStore, type ObjectType, type RawObject } from '@grove/store';
import { SyncError } from '../errors.js';

/** Finds a delta base outside the pack (a thin pack's REF_DELTA). */
export type BaseLookup = (hash: Hash) => Promise<RawObject | undefined>;

const HEADER = 12;
const TRAILER = 20;

type Entry =
  | { readonly offset: number; readonly kind: 'object'; readonly type: ObjectType; readonly data: Buffer }
  | { readonly offset: number; readonly kind: 'ofs-delta'; readonly base: number; readonly data: Buffer }
  | { readonly offset: number; readonly kind: 'ref-delta'; readonly base: Hash; readonly data: Buffer };

/** A verified pack: each entry's object (deltas resolved) and offset; `thin` when a delta's base came from outside it. */
export interface ParsedPack {
  readonly entries: readonly { readonly object: RawObject; readonly offset: number }[];
  readonly thin: boolean;
}

/** The objects of `pack`, verified and with deltas resolved. Throws `bad-pack` on any defect. */
export async function parsePack(pack: Buffer, lookup: BaseLookup): Promise<ParsedPack> {
  const entries = readEntries(pack);
  let thin = false;
  const byOffset = new Map<number, RawObject>();
  const byHash = new Map<Hash, RawObject>();
  const add = (offset: number, type: ObjectType, payload: Buffer) => {
    const object = { hash: hashObject(type, payload), type, payload };
    byOffset.set(offset, object);
    byHash.set(object.hash, object);
  };
  let pending = entries.filter((e) => {
    if (e.kind !== 'object') return true;
    add(e.offset, e.type, e.data);
    return false;
  });
  // Resolve deltas whose base is known, round after round; then reach outside for thin-pack bases.
  while (pending.length > 0) {
    const before = pending.length;
    const waiting: Entry[] = [];
    for (const e of pending) {
      const base = e.kind === 'ofs-delta' ? byOffset.get(e.base) : e.kind === 'ref-delta' ? byHash.get(e.base) : undefined;
      if (base === undefined) waiting.push(e);
      else add(e.offset, base.type, patch(base, e));
    }
    pending = waiting;
    if (pending.length < before) continue;
    const external = pending.find((e) => e.kind === 'ref-delta');
    const base = external?.kind === 'ref-delta' ? await lookup(external.base) : undefined;
    if (external === undefined || base === undefined) {
      throw bad(`a delta's base is neither in the pack nor here${external?.kind === 'ref-delta' ? ` (${external.base})` : ''}`, pending[0]!.offset);
    }
    byHash.set(base.hash, base);
    thin = true;
  }
  return { entries: [...byOffset].map(([offset, object]) => ({ object, offset })), thin };
}

/**
 * Stores the objects of `pack` (parsed and verified by `parsePack`) in one
 * call: as the pack itself when the store keeps packs and the pack is
 * self-contained, else through `writeMany`.
 */
export function storePack(store: ObjectStore, pack: Buffer, parsed: ParsedPack): Promise<void> {
  if (store.writePack !== undefined && !parsed.thin) return store.writePack(pack, parsed.entries);
  return store.writeMany(parsed.entries.map((e) => e.object));
}

function patch(base: RawObject, entry: Entry): Buffer {
  const { buffer, byteOffset, byteLength } = base.payload;
  const result = applyDelta(Buffer.from(buffer, byteOffset, byteLength), entry.data);
  if (typeof result === 'string') throw bad(result, entry.offset);
  return result;
}

/** Checks the frame and checksum, then inflates every entry in order. */
function readEntries(pack: Buffer): Entry[] {
  if (pack.length < HEADER + TRAILER) throw bad(`a pack is at least ${HEADER + TRAILER} bytes, got ${pack.length}`, 0);
  if (pack.readUInt32BE(0) !== PACK_SIGNATURE) throw bad('no PACK signature', 0);
  const version = pack.readUInt32BE(4);
  if (version !== 2 && version !== 3) throw bad(`unsupported pack version ${version}`, 4);
  const end = pack.length - TRAILER;
  if (!createHash('sha1').update(pack.subarray(0, end)).digest().equals(pack.subarray(end))) {
    throw bad('the trailing checksum does not match (truncated or altered)', end);
  }
  const count = pack.readUInt32BE(8);
  const entries: Entry[] = [];
  let at = HEADER;
  for (let i = 0; i < count; i++) {
    if (at >= end) throw bad(`the header announces ${count} objects, the pack holds ${i}`, at);
    const header = decodeEntryHeader(pack.subarray(at, end), at);
    if (typeof header === 'string') throw bad(header, at);
    const { data, used } = inflate(pack.subarray(header.dataStart, end), header.size, at);
    const offset = at;
    at = header.dataStart + used;
    if (header.kind === 'object') entries.push({ offset, kind: 'object', type: header.type, data });
    else if (header.kind === 'ofs-delta') entries.push({ offset, kind: 'ofs-delta', base: header.baseOffset, data });
    else entries.push({ offset, kind: 'ref-delta', base: header.baseHash.toString('hex'), data });
  }
  if (at !== end) throw bad(`${end - at} stray bytes after the last object`, at);
  return entries;
}

/** Inflates one zlib stream of exactly `size` bytes; returns it and how many input bytes it used. */
function inflate(input: Buffer, size: number, offset: number): { data: Buffer; used: number } {
  try {
    const { buffer, engine } = inflateSync(input, { info: true, maxOutputLength: Math.max(size, 1), chunkSize: outputChunk(size) }) as unknown as { buffer: Buffer; engine: { bytesWritten: number } };
    if (buffer.length !== size) throw bad(`the entry should inflate to ${size} bytes, got ${buffer.length}`, offset);
    return { data: buffer, used: engine.bytesWritten };
  } catch (error) {
    if (error instanceof SyncError) throw error;
    throw bad(`zlib: ${error instanceof Error ? error.message : String(error)}`, offset);
  }
}

function bad(reason: string, offset: number): SyncError {
  return new SyncError('bad-pack', `the pack is invalid at byte ${offset}: ${reason}; nothing was stored, send a complete pack`, { offset });
}
