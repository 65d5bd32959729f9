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

/** Parses packed-refs text into name → id, skipping comments and peeled lines. */
export function parsePackedRefs(text: string): Map<string, Hash> {
  const refs = new Map<string, Hash>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#') || line.startsWith('^')) continue;
    const id = line.slice(0, 40);
    if (isHash(id) && line[40] === ' ') refs.set(line.slice(41), id);
  }
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
