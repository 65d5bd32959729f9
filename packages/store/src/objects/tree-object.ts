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

const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX['0123456789abcdef'.charCodeAt(i)] = i;

const ASCII = 0;
const WIDE = 1;
const SURROGATE = 2;

/** What `name`'s UTF-16 code units hold, in order of the work they take: only ASCII, other characters, or surrogates. */
function charsOf(name: string): number {
  let chars = ASCII;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (c < 0x80) continue;
    if (c >= 0xd800 && c <= 0xdfff) return SURROGATE;
    chars = WIDE;
  }
  return chars;
}

/**
 * Encodes entries (any order) as a canonical tree payload, in one
 * allocation. One pass computes each entry's sort name (a subtree's name as
 * if it ended in "/"), checks the order, and sizes the payload; entries out
 * of order are sorted by index. UTF-16 order equals UTF-8 byte order except
 * around surrogate pairs, so names with surrogates sort as bytes. ASCII
 * names and the hex ids are copied byte by byte, which beats a call into
 * Buffer per field for the small trees most commits write.
 */
export function encodeTree(entries: readonly TreeEntry[]): Buffer {
  const n = entries.length;
  const keys = new Array<string>(n);
  let size = 0;
  let sorted = true;
  let chars = ASCII;
  for (let i = 0; i < n; i++) {
    const { name, mode } = entries[i]!;
    const key = isTreeMode(mode) ? `${name}/` : name;
    keys[i] = key;
    if (sorted && i > 0 && !(keys[i - 1]! < key)) sorted = false;
    const c = charsOf(name);
    if (c > chars) chars = c;
    size += mode.length + (c === ASCII ? name.length : Buffer.byteLength(name)) + 22;
  }
  const order = chars === SURROGATE ? byteOrder(keys) : sorted ? undefined : stringOrder(keys);
  const out = Buffer.allocUnsafe(size);
  const hex = HEX; // a local: V8 reads it faster than the module's binding in this loop
  let at = 0;
  for (let k = 0; k < n; k++) {
    const e = entries[order === undefined ? k : order[k]!]!;
    at = copyAscii(out, at, e.mode);
    out[at++] = 0x20;
    at = chars === ASCII ? copyAscii(out, at, e.name) : at + out.write(e.name, at, 'utf8');
    out[at++] = 0;
    const h = e.hash;
    for (let i = 0; i < 40; i += 2) out[at++] = (hex[h.charCodeAt(i)]! << 4) | hex[h.charCodeAt(i + 1)]!;
  }
  return out;
}

/** Trees up to this size are sorted by insertion, which beats a comparator called from `Array.prototype.sort`. */
const INSERTION_SORT = 32;

/** Indices of `keys` in string order. */
function stringOrder(keys: readonly string[]): number[] {
  if (keys.length > INSERTION_SORT) return keys.map((_, i) => i).sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const order: number[] = [];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i;
    while (j > 0 && keys[order[j - 1]!]! > key) {
      order[j] = order[j - 1]!;
      j--;
    }
    order[j] = i;
  }
  return order;
}

/** Indices of `keys` in the order of their UTF-8 bytes. */
function byteOrder(keys: readonly string[]): number[] {
  const bytes = keys.map((k) => Buffer.from(k));
  return keys.map((_, i) => i).sort((a, b) => Buffer.compare(bytes[a]!, bytes[b]!));
}

function copyAscii(out: Buffer, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) out[at++] = text.charCodeAt(i);
  return at;
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
    for (; nul < n && buf[nul] !== 0; nul++) if (buf[nul]! >= 0x80) ascii = false;
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
