/** Git tree objects: entries `<mode> <name>\0<20-byte id>`, in Git's order. */
import { StoreError } from '../errors.js';
import type { Hash } from './hash.js';

/** The modes Git writes: file, executable, symlink, subtree, submodule. */
export type Mode = '100644' | '100755' | '120000' | '40000' | '160000';

const MODES = new Set<string>(['100644', '100755', '120000', '40000', '160000']);

export interface TreeEntry {
  readonly name: string;
  readonly mode: Mode;
  readonly hash: Hash;
}

export function isTreeMode(mode: Mode): boolean {
  return mode === '40000';
}

/** Git orders entries by name bytes, a subtree's name compared as if it ended in "/". */
export function compareEntries(a: TreeEntry, b: TreeEntry): number {
  const x = isTreeMode(a.mode) ? `${a.name}/` : a.name;
  const y = isTreeMode(b.mode) ? `${b.name}/` : b.name;
  return Buffer.compare(Buffer.from(x), Buffer.from(y));
}

/** Encodes entries (any order) as a canonical tree payload. */
export function encodeTree(entries: readonly TreeEntry[]): Buffer {
  const sorted = [...entries].sort(compareEntries);
  const parts: Buffer[] = [];
  for (const e of sorted) {
    parts.push(Buffer.from(`${e.mode} ${e.name}\0`), Buffer.from(e.hash, 'hex'));
  }
  return Buffer.concat(parts);
}

/** Decodes a tree payload; throws `corrupt-object` on malformed bytes. */
export function decodeTree(payload: Uint8Array, hash: Hash): TreeEntry[] {
  const buf = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  const entries: TreeEntry[] = [];
  let at = 0;
  const fail = (reason: string): never => {
    throw new StoreError('corrupt-object', `tree ${hash} is corrupt at byte ${at}: ${reason}; restore it from another replica`, { hash, offset: at });
  };
  while (at < buf.length) {
    const space = buf.indexOf(0x20, at);
    if (space < 0) fail('missing space after mode');
    const mode = buf.toString('latin1', at, space);
    if (!MODES.has(mode)) fail(`unknown mode ${mode}`);
    const nul = buf.indexOf(0, space + 1);
    if (nul < 0 || nul + 21 > buf.length) fail('truncated entry');
    const name = buf.toString('utf8', space + 1, nul);
    entries.push({ name, mode: mode as Mode, hash: buf.toString('hex', nul + 1, nul + 21) });
    at = nul + 21;
  }
  return entries;
}
