/**
 * Writing a version 2 packfile in memory (gitformat-pack): header, each
 * object whole or as a delta against its base sent earlier (OFS_DELTA, or
 * REF_DELTA for peers that did not ask for ofs-delta), SHA-1 trailer.
 * Entries stored in a pack on disk are copied as they are where possible.
 */
import { createHash } from 'node:crypto';
import { deflateObject, encodeDeltaHeader, encodeEntryHeader, PACK_SIGNATURE, PACK_VERSION, type Hash, type ObjectType, type StoredEntry } from '@grove/store';
import { encodeDelta } from './delta-encode.js';
import type { PackEntry } from './walk.js';

/** Longest delta chain written, Git's default (`pack.depth`): deeper chains make every read of the newest version slow. */
const MAX_DEPTH = 50;

/**
 * zlib level of the entries sent: most are small commits and deltas, for
 * which level 1 takes about half the time of the default and compresses
 * within a few bytes of it (Git's `pack.compression` default is zlib's 6).
 */
const LEVEL = 1;

/** How deltas may refer to their base: by offset (`ofs-delta` negotiated), by id, or not at all. */
export type DeltaStyle = 'ofs' | 'ref' | 'none';

/** An entry already written: where, its payload (a delta base), and its delta chain. */
interface Sent {
  readonly offset: number;
  readonly payload: Uint8Array;
  readonly depth: number;
  /** False for a stored delta against an entry written after it: no delta is computed against it (that could close a cycle). */
  readonly resolved: boolean;
}

/**
 * The pack of `entries` as chunks (header, entries, trailer) ready to send.
 * Each entry, in order of preference: its stored delta as it is (`stored`,
 * see `withStoredEntries`) when the base is in the pack, before or after
 * it, or (when `thin`) is its `thinBase`; a delta computed against its base
 * sent earlier in the pack (or, when `thin`, one the receiver has) when
 * that is less than half its size; its stored whole entry; the object
 * deflated at `LEVEL`. O(total size).
 */
export function encodePack(entries: readonly PackEntry[], deltas: DeltaStyle = 'ofs', thin = false): Buffer[] {
  const sha = createHash('sha1');
  const header = Buffer.alloc(12);
  header.writeUInt32BE(PACK_SIGNATURE, 0);
  header.writeUInt32BE(PACK_VERSION, 4);
  header.writeUInt32BE(entries.length, 8);
  const chunks: Buffer[] = [header];
  const inPack = new Set(entries.map((e) => e.object.hash));
  const sent = new Map<Hash, Sent>();
  let offset = header.length;
  for (const entry of entries) {
    const { object, base, thinBase, stored } = entry;
    const before = stored?.kind === 'delta' ? sent.get(stored.base) : undefined;
    const reusable = deltas !== 'none' && stored?.kind === 'delta' && (before !== undefined || inPack.has(stored.base) || (thin && stored.base === base && thinBase !== undefined));
    const out =
      reusable ? reusedDelta(stored, before, offset, deltas, thinBase !== undefined && !inPack.has(stored.base))
      : (computedDelta(entry, sent, offset, deltas, thin) ?? wholeEntry(object.type, object.payload, stored));
    sent.set(object.hash, { offset, payload: object.payload, ...out.chain });
    chunks.push(out.head, out.data);
    offset += out.head.length + out.data.length;
  }
  for (const chunk of chunks) sha.update(chunk);
  chunks.push(sha.digest());
  return chunks;
}

/** An encoded entry: header, zlib data, and its place in delta chains. */
interface Encoded {
  readonly head: Buffer;
  readonly data: Buffer;
  readonly chain: Pick<Sent, 'depth' | 'resolved'>;
}

/** A stored delta as it is: OFS_DELTA against its base `before` when that was written (and offsets are allowed), else REF_DELTA. */
function reusedDelta(stored: StoredEntry & { kind: 'delta' }, before: Sent | undefined, offset: number, deltas: DeltaStyle, outside: boolean): Encoded {
  const head =
    before !== undefined && deltas === 'ofs' ? encodeDeltaHeader(stored.size, { distance: offset - before.offset })
    : encodeDeltaHeader(stored.size, { id: Buffer.from(stored.base, 'hex') });
  const chain = before !== undefined ? { depth: before.depth + 1, resolved: before.resolved } : { depth: 1, resolved: outside };
  return { head, data: asBuffer(stored.data), chain };
}

/** The entry as a delta against its base (see `encodePack`), or undefined when there is none or it would not be small. */
function computedDelta({ object, base, thinBase }: PackEntry, sent: ReadonlyMap<Hash, Sent>, offset: number, deltas: DeltaStyle, thin: boolean): Encoded | undefined {
  const inPack = base === undefined || deltas === 'none' ? undefined : sent.get(base);
  const outside = thin && deltas !== 'none' && inPack === undefined && thinBase !== undefined ? { offset: -1, payload: thinBase, depth: 0, resolved: true } : undefined;
  const from = inPack !== undefined && inPack.resolved && inPack.depth < MAX_DEPTH ? inPack : outside;
  const delta = from === undefined ? undefined : encodeDelta(from.payload, object.payload);
  if (delta === undefined) return undefined;
  const head = deltas === 'ofs' && from!.offset >= 0 ? encodeDeltaHeader(delta.length, { distance: offset - from!.offset }) : encodeDeltaHeader(delta.length, { id: Buffer.from(base!, 'hex') });
  return { head, data: deflateObject(delta, LEVEL), chain: { depth: from!.depth + 1, resolved: true } };
}

/** The object whole: its stored entry's zlib stream when it has a whole one, else deflated at `LEVEL`. */
function wholeEntry(type: ObjectType, payload: Uint8Array, stored: StoredEntry | undefined): Encoded {
  const data = stored?.kind === 'object' ? asBuffer(stored.data) : deflateObject(payload, LEVEL);
  return { head: encodeEntryHeader(type, payload.length), data, chain: { depth: 0, resolved: true } };
}

/** A Buffer over the same memory as `bytes` (no copy). */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
