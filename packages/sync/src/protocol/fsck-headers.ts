/**
 * `git fsck --strict` for commit and tag headers, as Git's `fsck_commit`,
 * `fsck_tag_standalone` and `fsck_ident` (fsck.c) check them: the header
 * ends, the lines come in Git's order, ids are 40 hex digits, and every
 * identity reads `name <email> timestamp ±hhmm`.
 */
import { finding, type FsckFinding } from './fsck-finding.js';

const ID_LINE = /^[0-9a-f]{40}\n/;
/** The largest timestamp Git's `date_overflows` lets through. */
const MAX_TIMESTAMP = 2n ** 63n - 1n;

/** A reader over a header's text that consumes known prefixes. */
class Cursor {
  at = 0;
  constructor(readonly text: string) {}

  /** Consumes `prefix` when the text continues with it. */
  skip(prefix: string): boolean {
    if (!this.text.startsWith(prefix, this.at)) return false;
    this.at += prefix.length;
    return true;
  }

  /** Consumes an id and its newline; false (consuming the rest of the line) when it is not one. */
  id(): boolean {
    const ok = ID_LINE.test(this.text.slice(this.at, this.at + 41));
    this.line();
    return ok;
  }

  /** Consumes the rest of the line, newline included; undefined when no newline follows. */
  line(): string | undefined {
    const nl = this.text.indexOf('\n', this.at);
    if (nl < 0) return undefined;
    const line = this.text.slice(this.at, nl);
    this.at = nl + 1;
    return line;
  }
}

/** Why the header of `payload` is unterminated or holds a NUL, as Git's `verify_headers`. */
function headerFinding(text: string): FsckFinding | undefined {
  const end = text.indexOf('\n\n');
  const nul = text.indexOf('\0');
  if (nul >= 0 && (end < 0 || nul < end)) return finding('nulInHeader', `unterminated header: NUL at offset ${nul}`);
  return end >= 0 || text.endsWith('\n') ? undefined : finding('unterminatedHeader', 'unterminated header');
}

/** Why the identity line at the cursor (after `author `, `committer ` or `tagger `) is malformed, as Git's `fsck_ident`. */
function identFinding(cursor: Cursor): FsckFinding | undefined {
  const line = cursor.line() ?? '';
  const bad = (id: string, what: string) => finding(id, `invalid author/committer line - ${what}`);
  if (line.startsWith('<')) return bad('missingNameBeforeEmail', 'missing space before email');
  const lt = line.search(/[<>]/);
  if (lt < 0) return bad('missingEmail', 'missing email');
  if (line[lt] === '>') return bad('badName', 'bad name');
  if (line[lt - 1] !== ' ') return bad('missingSpaceBeforeEmail', 'missing space before email');
  const gt = line.slice(lt + 1).search(/[<>]/) + lt + 1;
  if (gt === lt || line[gt] === '<') return bad('badEmail', 'bad email');
  const rest = line.slice(gt + 1);
  if (!rest.startsWith(' ')) return bad('missingSpaceBeforeDate', 'missing space before date');
  if (rest[1] === '0' && rest[2] !== ' ') return bad('zeroPaddedDate', 'zero-padded date');
  const date = /^ ([0-9]*)/.exec(rest)![1]!;
  if (date === '') return bad('badDate', 'bad date');
  if (BigInt(date) > MAX_TIMESTAMP) return bad('badDateOverflow', 'date causes integer overflow');
  const zone = rest.slice(date.length + 1);
  if (!zone.startsWith(' ')) return bad('badDate', 'bad date');
  return /^ [+-][0-9]{4}$/.test(zone) ? undefined : bad('badTimezone', 'bad time zone');
}

/** The first check the commit `payload` fails under `git fsck --strict`, or undefined when it passes. O(payload bytes). */
export function fsckCommit(payload: Buffer): FsckFinding | undefined {
  const text = payload.toString('latin1');
  const header = headerFinding(text);
  if (header !== undefined) return header;
  const c = new Cursor(text);
  if (!c.skip('tree ')) return finding('missingTree', "invalid format - expected 'tree' line");
  if (!c.id()) return finding('badTreeSha1', "invalid 'tree' line format - bad sha1");
  while (c.skip('parent ')) if (!c.id()) return finding('badParentSha1', "invalid 'parent' line format - bad sha1");
  let authors = 0;
  while (c.skip('author ')) {
    authors++;
    const ident = identFinding(c);
    if (ident !== undefined) return ident;
  }
  if (authors !== 1) return authors === 0 ? finding('missingAuthor', "invalid format - expected 'author' line") : finding('multipleAuthors', "invalid format - multiple 'author' lines");
  if (!c.skip('committer ')) return finding('missingCommitter', "invalid format - expected 'committer' line");
  return identFinding(c) ?? (text.includes('\0') ? finding('nulInCommit', 'NUL byte in the commit object body') : undefined);
}

/** The first check the tag `payload` fails under `git fsck --strict`, or undefined when it passes. O(payload bytes). */
export function fsckTag(payload: Buffer): FsckFinding | undefined {
  const text = payload.toString('latin1');
  const header = headerFinding(text);
  if (header !== undefined) return header;
  const c = new Cursor(text);
  if (!c.skip('object ')) return finding('missingObject', "invalid format - expected 'object' line");
  if (!c.id()) return finding('badObjectSha1', "invalid 'object' line format - bad sha1");
  if (!c.skip('type ')) return finding('missingTypeEntry', "invalid format - expected 'type' line");
  const type = c.line();
  if (type === undefined) return finding('missingType', "invalid format - unexpected end after 'type' line");
  if (!['blob', 'tree', 'commit', 'tag'].includes(type)) return finding('badType', "invalid 'type' value");
  if (!c.skip('tag ')) return finding('missingTagEntry', "invalid format - expected 'tag' line");
  if (c.line() === undefined) return finding('missingTag', "invalid format - unexpected end after 'type' line");
  return c.skip('tagger ') ? identFinding(c) : undefined;
}
