/** Validation of path segments and branch names, with errors that say what to do. */
import { StoreError } from '../errors.js';

/** A path inside a tree, as segments. */
export type Path = readonly string[];

/** The name of the marker entry in a structure's root tree; reserved, so no value path may use it. */
export const MARKER = '.grove';

/** The most segments a path may have: deeper trees would exhaust the stack of whoever walks them. */
export const MAX_PATH_SEGMENTS = 256;

/** The most UTF-8 bytes in one path segment or one branch-name component: a file name's limit on common file systems. */
export const MAX_NAME_BYTES = 255;

/** The most UTF-8 bytes in a whole branch name: its ref file must fit in a file-system path. */
export const MAX_BRANCH_BYTES = 1024;

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

/**
 * Throws `invalid-path` unless every segment can be a Git tree entry name
 * Grove accepts, there are at most {@link MAX_PATH_SEGMENTS} of them and
 * each has at most {@link MAX_NAME_BYTES} UTF-8 bytes. O(total length).
 */
export function checkPath(path: Path): void {
  if (!Array.isArray(path)) {
    throw new StoreError('invalid-path', 'a path is an array of segments, e.g. ["docs", "readme"]', {});
  }
  if (path.length > MAX_PATH_SEGMENTS) {
    throw new StoreError('invalid-path', `a path has ${path.length} segments, more than the limit of ${MAX_PATH_SEGMENTS}; nest values less deeply`, { path: path.slice(0, 8), segments: path.length });
  }
  for (const segment of path) {
    const reason =
      typeof segment !== 'string' ? 'is not a string'
      : segment === '' ? 'is empty'
      : utf8Bytes(segment) > MAX_NAME_BYTES ? `has ${utf8Bytes(segment)} UTF-8 bytes, more than the limit of ${MAX_NAME_BYTES}`
      : segment === '.' || segment === '..' ? 'is a relative segment'
      : segment.includes('/') ? 'contains "/" (split the path into segments)'
      : segment.includes('\0') ? 'contains a NUL byte'
      : segment.toLowerCase() === '.git' ? 'is ".git", which Git refuses'
      : !segment.isWellFormed() ? 'has a lone surrogate'
      : undefined;
    if (reason !== undefined) {
      const shown = typeof segment !== 'string' ? `of type ${typeof segment}` : JSON.stringify(segment.length > 40 ? `${segment.slice(0, 40)}...` : segment);
      throw new StoreError('invalid-path', `path segment ${shown} ${reason}; use a non-empty name of at most ${MAX_NAME_BYTES} bytes without "/" or NUL`, { path, segment });
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
 * branch name would make `refs/heads/refs/heads/...`), a component over
 * {@link MAX_NAME_BYTES} UTF-8 bytes and a name over {@link MAX_BRANCH_BYTES}
 * (its ref file must fit the file system). Throws `invalid-ref`.
 */
export function checkBranchName(name: string): void {
  if (typeof name === 'string' && (utf8Bytes(name) > MAX_BRANCH_BYTES || name.split('/').some((c) => utf8Bytes(c) > MAX_NAME_BYTES))) {
    throw new StoreError(
      'invalid-ref',
      `the branch name ${JSON.stringify(`${name.slice(0, 40)}...`)} is too long; use at most ${MAX_NAME_BYTES} UTF-8 bytes between slashes and ${MAX_BRANCH_BYTES} in all`,
      { ref: name.slice(0, 64) },
    );
  }
  if (typeof name !== 'string' || name === '' || name === '@' || name === 'HEAD' || name.startsWith('refs/') || BAD_REF_NAME.test(name) || /^[-/]/.test(name)) {
    throw new StoreError(
      'invalid-ref',
      `${typeof name === 'string' ? JSON.stringify(name) : `a ${typeof name}`} is not a valid branch name; use letters, digits, "-", "_" and "/" (not HEAD, no leading "refs/", "-" or ".", no "..", "~", "^", ":", spaces or trailing ".lock")`,
      { ref: typeof name === 'string' ? name : typeof name },
    );
  }
}
