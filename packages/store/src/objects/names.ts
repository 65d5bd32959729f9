/** Validation of path segments and branch names, with errors that say what to do. */
import { StoreError } from '../errors.js';

/** A path inside a tree, as segments. */
export type Path = readonly string[];

/** The name of the marker entry in a structure's root tree; reserved, so no value path may use it. */
export const MARKER = '.grove';

/** Throws `invalid-path` unless every segment can be a Git tree entry name Grove accepts. */
export function checkPath(path: Path): void {
  if (!Array.isArray(path)) {
    throw new StoreError('invalid-path', 'a path is an array of segments, e.g. ["docs", "readme"]', {});
  }
  for (const segment of path) {
    const reason =
      typeof segment !== 'string' ? 'is not a string'
      : segment === '' ? 'is empty'
      : segment === '.' || segment === '..' ? 'is a relative segment'
      : segment.includes('/') ? 'contains "/" (split the path into segments)'
      : segment.includes('\0') ? 'contains a NUL byte'
      : segment.toLowerCase() === '.git' ? 'is ".git", which Git refuses'
      : !segment.isWellFormed() ? 'has a lone surrogate'
      : undefined;
    if (reason !== undefined) {
      throw new StoreError('invalid-path', `path segment ${JSON.stringify(segment)} ${reason}; use a non-empty name without "/" or NUL`, { path, segment });
    }
  }
}

/**
 * `checkPath`, and no segment is the reserved `.grove` (it marks a
 * structure's root): the check of every path a caller writes a value at.
 */
export function checkValuePath(path: Path): void {
  checkPath(path);
  const at = path.indexOf(MARKER);
  if (at >= 0) {
    throw new StoreError('invalid-path', `path segment "${MARKER}" is reserved: it marks the root of a structure; pick another name`, { path, segment: MARKER });
  }
}

/** Splits `docs/readme` into segments and checks them. */
export function parsePath(text: string): Path {
  const path = text === '' || text === '/' ? [] : text.replace(/^\/|\/$/g, '').split('/');
  checkPath(path);
  return path;
}

/**
 * What `git check-ref-format` refuses in a ref name: a component starting
 * with ".", "..", control characters, space, ~^:?*[\, "@{", a component
 * ending in ".lock", "//", a trailing "/" or ".".
 */
export const BAD_REF_NAME = /(^|\/)\.|\.\.|[\x00-\x20\x7f~^:?*[\\]|@\{|\.lock(\/|$)|\/\/|\/$|\.$/;

/**
 * Git's ref-name rules for a branch name; also refuses a leading "-" or "/",
 * "@" and "HEAD", which git commands read as an option, an absolute name and
 * the current commit, and a leading "refs/" (a full ref name given as a
 * branch name would make `refs/heads/refs/heads/...`). Throws `invalid-ref`.
 */
export function checkBranchName(name: string): void {
  if (typeof name !== 'string' || name === '' || name === '@' || name === 'HEAD' || name.startsWith('refs/') || BAD_REF_NAME.test(name) || /^[-/]/.test(name)) {
    throw new StoreError(
      'invalid-ref',
      `${JSON.stringify(name)} is not a valid branch name; use letters, digits, "-", "_" and "/" (not HEAD, no leading "refs/", "-" or ".", no "..", "~", "^", ":", spaces or trailing ".lock")`,
      { ref: String(name) },
    );
  }
}
