/**
 * Self-describing values: a blob starts with `#!grove <tag>\n`, then the
 * value's canonical bytes. Plain text and bytes are stored as they are, so
 * `git show` and `git checkout` give the text itself; only plain data that
 * happens to begin with the marker gets an explicit header.
 */
import { formatTag, parseTag } from '@grove/merge';
import { StoreError } from '../errors.js';

const MARKER = Buffer.from('#!grove ');
/** The most UTF-8 bytes in a tag: `decodeTyped` reads no header past it. */
const MAX_TAG = 200;

/** The tags stored without a header. */
export const TEXT = 'text';
export const BYTES = 'bytes';

/** A blob split into its type tag and the value's bytes. */
export interface TypedBytes {
  readonly tag: string;
  readonly payload: Uint8Array;
}

function startsWithMarker(bytes: Uint8Array): boolean {
  return bytes.length >= MARKER.length && Buffer.compare(bytes.subarray(0, MARKER.length), MARKER) === 0;
}

/** The blob for a value of type `tag`. */
export function encodeTyped(tag: string, payload: Uint8Array): Uint8Array {
  if ((tag === TEXT || tag === BYTES) && !startsWithMarker(payload)) return payload;
  if (tag.length === 0 || Buffer.byteLength(tag) > MAX_TAG || /[\n\0]/.test(tag) || !tag.isWellFormed()) {
    throw new StoreError('wrong-type', `type tag ${JSON.stringify(tag)} is not usable; use a short tag without newlines, such as "app/score@1"`);
  }
  return Buffer.concat([MARKER, Buffer.from(`${tag}\n`), payload]);
}

/** Splits a blob; a blob without a header is text when it is valid UTF-8, else bytes. */
export function decodeTyped(blob: Uint8Array): TypedBytes {
  if (startsWithMarker(blob)) {
    const end = blob.indexOf(0x0a, MARKER.length);
    if (end > MARKER.length && end - MARKER.length <= MAX_TAG) {
      return { tag: canonicalTag(Buffer.from(blob.subarray(MARKER.length, end)).toString('utf8')), payload: blob.subarray(end + 1) };
    }
  }
  return { tag: isUtf8(blob) ? TEXT : BYTES, payload: blob };
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function isUtf8(bytes: Uint8Array): boolean {
  try {
    decoder.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const canonical = new Map<string, string>();

/**
 * `tag` in the canonical form of the tag grammar, so tags written in an
 * older form (`grove/sharded-set@1(string);leaf=16`) compare equal to the
 * ones written now. A tag outside the grammar is returned as it is.
 */
export function canonicalTag(tag: string): string {
  let out = canonical.get(tag);
  if (out === undefined) {
    try {
      out = formatTag(parseTag(tag));
    } catch {
      out = tag;
    }
    if (canonical.size >= 10_000) canonical.clear();
    canonical.set(tag, out);
  }
  return out;
}
