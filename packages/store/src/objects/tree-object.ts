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

/** The name Git sorts an entry by: a subtree's name as if it ended in "/". */
function sortName(e: TreeEntry): string {
  return isTreeMode(e.mode) ? `${e.name}/` : e.name;
}

/**
 * UTF-16 order equals UTF-8 byte order except around surrogate pairs, so
 * names without surrogates sort as strings, the rest as bytes.
 */
const SURROGATE = /[\uD800-\uDFFF]/;

/** Entries in Git's order (by the bytes of their sort names), each sort name computed once. */
function sortEntries(entries: readonly TreeEntry[]): readonly TreeEntry[] {
  if (isSorted(entries)) return entries;
  const keyed = entries.map((e) => ({ e, key: sortName(e) }));
  if (keyed.some((k) => SURROGATE.test(k.key))) {
    const bytes = keyed.map((k) => ({ e: k.e, key: Buffer.from(k.key) }));
    return bytes.sort((a, b) => Buffer.compare(a.key, b.key)).map((k) => k.e);
  }
  return keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((k) => k.e);
}

/** True when the names are already in Git's order (common: entries read from Git stay sorted). */
function isSorted(entries: readonly TreeEntry[]): boolean {
  let previous = '';
  for (const e of entries) {
    const key = sortName(e);
    if (SURROGATE.test(key) || key <= previous) return false;
    previous = key;
  }
  return true;
}

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX['0123456789abcdef'.charCodeAt(i)] = i;
const ASCII = /^[\x00-\x7f]*$/;

/**
 * Encodes entries (any order) as a canonical tree payload, in one
 * allocation. ASCII names and the hex ids are copied byte by byte, which
 * beats a call into Buffer per field for the small trees most commits write.
 */
export function encodeTree(entries: readonly TreeEntry[]): Buffer {
  const sorted = sortEntries(entries);
  let size = 0;
  let ascii = true;
  for (const e of sorted) {
    size += e.mode.length + e.name.length + 22;
    ascii &&= ASCII.test(e.name);
  }
  if (!ascii) return encodeAnyNames(sorted);
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const e of sorted) {
    at = copyAscii(out, at, e.mode);
    out[at++] = 0x20;
    at = copyAscii(out, at, e.name);
    out[at++] = 0;
    const h = e.hash;
    for (let i = 0; i < 40; i += 2) out[at++] = (HEX[h.charCodeAt(i)]! << 4) | HEX[h.charCodeAt(i + 1)]!;
  }
  return out;
}

function copyAscii(out: Buffer, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) out[at++] = text.charCodeAt(i);
  return at;
}

function encodeAnyNames(sorted: readonly TreeEntry[]): Buffer {
  let size = 0;
  for (const e of sorted) size += e.mode.length + Buffer.byteLength(e.name) + 22;
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  for (const e of sorted) {
    at += out.write(e.mode, at, 'latin1');
    out[at++] = 0x20;
    at += out.write(e.name, at, 'utf8');
    out[at++] = 0;
    at += out.write(e.hash, at, 'hex');
  }
  return out;
}

const MODE_BYTES = [...MODES].map((m) => [m as Mode, Buffer.from(m)] as const);

/** The mode spelled by bytes [at, end), or undefined when Git has no such mode. Compared in JavaScript: six bytes cost less than a call into Buffer. */
function modeAt(buf: Buffer, at: number, end: number): Mode | undefined {
  for (const [mode, bytes] of MODE_BYTES) {
    if (bytes.length !== end - at) continue;
    let i = 0;
    while (i < bytes.length && buf[at + i] === bytes[i]) i++;
    if (i === bytes.length) return mode;
  }
  return undefined;
}

/**
 * Decodes a tree payload; throws `corrupt-object` on malformed bytes.
 * ASCII names are built in JavaScript: trees are decoded on every path
 * lookup and merge, and a call into Buffer per name costs more. Ids come
 * from one `toString('hex')`: they are looked up in maps and sets (history
 * walks, sync), and a string built from 20 pieces is a rope V8 has to
 * flatten before hashing it, which costs more than the call.
 */
export function decodeTree(payload: Uint8Array, hash: Hash): TreeEntry[] {
  const buf = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  const entries: TreeEntry[] = [];
  const n = buf.length;
  let at = 0;
  const fail = (reason: string): never => {
    throw new StoreError('corrupt-object', `tree ${hash} is corrupt at byte ${at}: ${reason}; restore it from another replica`, { hash, offset: at });
  };
  while (at < n) {
    let space = at;
    while (space < n && buf[space] !== 0x20) space++;
    if (space === n) fail('missing space after mode');
    const mode = modeAt(buf, at, space) ?? fail(`unknown mode ${buf.toString('latin1', at, space)}`);
    let nul = space + 1;
    let ascii = true;
    while (nul < n && buf[nul] !== 0) ascii &&= buf[nul++]! < 0x80;
    if (nul + 21 > n) fail('truncated entry');
    let name = '';
    if (ascii) for (let i = space + 1; i < nul; i++) name += String.fromCharCode(buf[i]!);
    else name = buf.toString('utf8', space + 1, nul);
    entries.push({ name, mode, hash: buf.toString('hex', nul + 1, nul + 21) });
    at = nul + 21;
  }
  return entries;
}

/**
 * The entry `name` of a tree payload, found by scanning the bytes without
 * decoding the other entries; undefined when absent.
 */
export function findEntry(payload: Uint8Array, name: string, hash: Hash): TreeEntry | undefined {
  const buf = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength);
  const target = Buffer.from(name);
  let at = 0;
  while (at < buf.length) {
    const space = buf.indexOf(0x20, at);
    const nul = space < 0 ? -1 : buf.indexOf(0, space + 1);
    if (nul < 0 || nul + 21 > buf.length) return decodeTree(payload, hash).find((e) => e.name === name);
    if (nul - space - 1 === target.length && buf.compare(target, 0, target.length, space + 1, nul) === 0) {
      const mode = buf.toString('latin1', at, space);
      return MODES.has(mode) ? { name, mode: mode as Mode, hash: buf.toString('hex', nul + 1, nul + 21) } : decodeTree(payload, hash).find((e) => e.name === name);
    }
    at = nul + 21;
  }
  return undefined;
}
