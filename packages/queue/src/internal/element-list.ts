/**
 * Elements as bytes, the format of chunk blobs and of a queue in one blob:
 * per element a line `<stamp> <byte length>`, then the value's bytes and a
 * newline. Text values stay readable in `git show`; stamps are strictly
 * increasing, so the format is canonical.
 */
import { DecodeError, type Codec } from '@grove/merge';
import { compareStamps, type Stamp } from '../stamp.js';
import { Item } from './item.js';
import { naturalAt, stampAt } from './stamps.js';

const NEWLINE = 0x0a;
const SPACE = 0x20;

/** Writes ASCII `text` into `out` at `at`; returns the next offset. */
function putAscii(out: Uint8Array, at: number, text: string): number {
  for (let i = 0; i < text.length; i++) out[at++] = text.charCodeAt(i);
  return at;
}

/** `head` (ASCII text) followed by the encoding of `items`, in one allocation. */
export function encodeElements<T>(items: readonly Item<T>[], codec: Codec<T>, head = ''): Uint8Array {
  const values = items.map((item) => item.bytes(codec));
  const lines = items.map((item, i) => `${item.key()} ${values[i]!.length}\n`);
  let size = head.length;
  for (let i = 0; i < items.length; i++) size += lines[i]!.length + values[i]!.length + 1;
  const out = new Uint8Array(size);
  let at = putAscii(out, 0, head);
  for (let i = 0; i < items.length; i++) {
    at = putAscii(out, at, lines[i]!);
    const bytes = values[i]!;
    out.set(bytes, at);
    at += bytes.length;
    out[at++] = NEWLINE;
  }
  return out;
}

/** Decodes the elements of `bytes` from `offset`; throws `DecodeError` (with the offset) unless canonical. */
export function decodeElements<T>(bytes: Uint8Array, codec: Codec<T>, tag: string, offset = 0): Item<T>[] {
  const items: Item<T>[] = [];
  let at = offset;
  let previous: Stamp | undefined;
  const fail = (reason: string): never => {
    throw new DecodeError({ tag, offset: at, reason });
  };
  const code = (i: number) => bytes[i]!;
  while (at < bytes.length) {
    const end = bytes.indexOf(NEWLINE, at);
    const space = end < 0 ? -1 : bytes.lastIndexOf(SPACE, end);
    if (space < at) fail('expected a line "<stamp> <length>"');
    const stamp = stampAt(code, at, space, previous);
    const length = naturalAt(code, space + 1, end);
    if (stamp === undefined) fail('expected a stamp time.seq.replica');
    if (length < 0) fail('expected a decimal length without leading zeros');
    if (previous !== undefined && compareStamps(previous, stamp!) >= 0) fail('stamps are not strictly increasing');
    const value = bytes.subarray(end + 1, end + 1 + length);
    if (end + 1 + length >= bytes.length || bytes[end + 1 + length] !== NEWLINE) fail('truncated value or missing newline after it');
    items.push(new Item(stamp!, codec.decode(value), value));
    previous = stamp;
    at = end + 2 + length;
  }
  return items;
}
