/**
 * The text formats of Git refs: full ref names (`HEAD`, or `refs/...`
 * following git-check-ref-format, checked before a name becomes a file
 * path) and the `packed-refs` file (`git pack-refs`: a `#` header, then
 * lines `<id> <name>`, each possibly followed by a peeled `^<id>` line).
 */
import { StoreError } from '../../errors.js';
import { isHash, type Hash } from '../../objects/hash.js';
import { BAD_REF_NAME } from '../../objects/names.js';

/** True for `HEAD` and well-formed names under `refs/`. */
export function isRefName(name: string): boolean {
  return name === 'HEAD' || (name.startsWith('refs/') && !BAD_REF_NAME.test(name));
}

/** Throws `invalid-ref` unless `name` is a full ref name (see `isRefName`). */
export function checkRefName(name: string): void {
  if (typeof name !== 'string' || !isRefName(name)) {
    throw new StoreError(
      'invalid-ref',
      `${JSON.stringify(name)} is not a full ref name; use "refs/heads/<branch>" or similar (no "..", "~", "^", ":", spaces, components starting with "." or ending in ".lock")`,
      { ref: String(name) },
    );
  }
}

/** Throws `invalid-ref` unless `prefix` is a prefix under `refs/` without "." or ".." components. */
export function checkRefPrefix(prefix: string): void {
  const valid = typeof prefix === 'string' && ('refs/'.startsWith(prefix) || prefix.startsWith('refs/')) && !/(^|\/)\.\.?(\/|$)/.test(prefix);
  if (!valid) {
    throw new StoreError('invalid-ref', `${JSON.stringify(prefix)} is not a ref prefix; use one like "refs/heads/" or "refs/"`, { ref: String(prefix) });
  }
}

/** A packed ref's name: under `refs/`, no spaces or control characters (Git keeps other odd names, flagged broken). */
const PACKED_NAME = /^refs\/[^\x00-\x20\x7f]+$/;

/**
 * Parses packed-refs text into name → id: an optional `# pack-refs with:`
 * header on the first line, then `<id> <name>` lines, each possibly followed by a peeled
 * `^<id>` line. Any other line throws `corrupt-ref` naming `file` and the
 * line, as Git refuses the repository: reading past it would make a branch
 * look absent and the next commit start a new history.
 */
export function parsePackedRefs(text: string, file: string): Map<string, Hash> {
  const refs = new Map<string, Hash>();
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  let peelable = false;
  lines.forEach((line, i) => {
    const id = line.slice(0, 40);
    const name = line.slice(41);
    if (i === 0 && line.startsWith('# pack-refs with:')) peelable = false;
    else if (line.startsWith('^') && peelable && line.length === 41 && isHash(line.slice(1))) peelable = false;
    else if (isHash(id) && line[40] === ' ' && PACKED_NAME.test(name)) {
      refs.set(name, id);
      peelable = true;
    } else {
      throw new StoreError(
        'corrupt-ref',
        `${file} line ${i + 1} is not "<40-hex id> <ref name>" (found ${JSON.stringify(line.slice(0, 80))}); Git refuses this repository too: repair or remove that line before reading or writing refs`,
        { file, line: i + 1 },
      );
    }
  });
  return refs;
}

/** The text without `name`'s line and its peeled line; every other line kept as is. */
export function removePackedRef(text: string, name: string): string {
  const kept: string[] = [];
  let dropping = false;
  for (const line of text.split('\n')) {
    if (dropping && line.startsWith('^')) continue;
    dropping = line.slice(41) === name && line[40] === ' ' && !line.startsWith('#');
    if (!dropping) kept.push(line);
  }
  return kept.join('\n');
}
