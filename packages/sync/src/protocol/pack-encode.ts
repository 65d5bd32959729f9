/**
 * Writing a version 2 packfile in memory (gitformat-pack): header, each
 * object whole or as a delta against its base sent earlier (OFS_DELTA, or
 * REF_DELTA for peers that did not ask for ofs-delta), SHA-1 trailer.
 */
import { createHash } from 'node:crypto';
import { deflateObject, encodeDeltaHeader, encodeEntryHeader, PACK_SIGNATURE, PACK_VERSION, type Hash } from '@grove/store';
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

/**
 * The pack of `entries` as chunks (header, entries, trailer) ready to send.
 * An entry whose base was sent earlier in the pack (or, when `thin`, is one
 * the receiver has) is sent as a delta when that is less than half its size. O(total size); each entry is deflated
 * once, at `LEVEL`.
 */
export function encodePack(entries: readonly PackEntry[], deltas: DeltaStyle = 'ofs', thin = false): Buffer[] {
  const sha = createHash('sha1');
  const header = Buffer.alloc(12);
  header.writeUInt32BE(PACK_SIGNATURE, 0);
  header.writeUInt32BE(PACK_VERSION, 4);
  header.writeUInt32BE(entries.length, 8);
  const chunks: Buffer[] = [header];
  const sent = new Map<Hash, { offset: number; payload: Uint8Array; depth: number }>();
  let offset = header.length;
  for (const { object, base, thinBase } of entries) {
    const inPack = base === undefined || deltas === 'none' ? undefined : sent.get(base);
    const outside = thin && deltas !== 'none' && inPack === undefined && thinBase !== undefined ? { offset: -1, payload: thinBase, depth: 0 } : undefined;
    const from = inPack !== undefined && inPack.depth < MAX_DEPTH ? inPack : outside;
    const delta = from === undefined ? undefined : encodeDelta(from.payload, object.payload);
    const head =
      delta === undefined ? encodeEntryHeader(object.type, object.payload.length)
      : deltas === 'ofs' && from!.offset >= 0 ? encodeDeltaHeader(delta.length, { distance: offset - from!.offset })
      : encodeDeltaHeader(delta.length, { id: Buffer.from(base!, 'hex') });
    const data = deflateObject(delta ?? object.payload, LEVEL);
    sent.set(object.hash, { offset, payload: object.payload, depth: delta === undefined ? 0 : from!.depth + 1 });
    chunks.push(head, data);
    offset += head.length + data.length;
  }
  for (const chunk of chunks) sha.update(chunk);
  chunks.push(sha.digest());
  return chunks;
}
