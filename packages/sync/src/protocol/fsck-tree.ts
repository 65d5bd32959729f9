/**
 * `git fsck --strict` for one tree payload, as Git's `fsck_tree` (fsck.c)
 * checks it: parsable entries, standard unpadded modes, safe names, Git's
 * order, no duplicates. Parsed from the bytes, since the store's
 * `decodeTree` refuses the bad modes this must name.
 */
import { finding, type FsckFinding } from './fsck-finding.js';
import { isDotGit, isDotGitmodules } from './fsck-names.js';

/** The modes `git fsck --strict` accepts, as numbers: file, executable, symlink, subtree, submodule. */
const STANDARD_MODES = new Set([0o100644, 0o100755, 0o120000, 0o40000, 0o160000]);
const S_IFMT = 0o170000;
const S_IFDIR = 0o40000;
const S_IFLNK = 0o120000;

interface RawEntry {
  readonly modeText: string;
  readonly mode: number;
  readonly name: Buffer;
  readonly nullId: boolean;
}

/** The entries of `payload` with raw modes and name bytes, or undefined when it does not parse as a tree (as Git, an empty name does not). */
function rawEntries(payload: Buffer): RawEntry[] | undefined {
  const entries: RawEntry[] = [];
  for (let at = 0; at < payload.length; ) {
    const space = payload.indexOf(0x20, at);
    const nul = space < 0 ? -1 : payload.indexOf(0, space + 1);
    if (nul < 0 || nul + 21 > payload.length) return undefined;
    const modeText = payload.toString('latin1', at, space);
    if (!/^[0-7]+$/.test(modeText) || nul === space + 1) return undefined;
    const id = payload.subarray(nul + 1, nul + 21);
    entries.push({ modeText, mode: Number.parseInt(modeText, 8), name: payload.subarray(space + 1, nul), nullId: id.every((b) => b === 0) });
    at = nul + 21;
  }
  return entries;
}

/** The name Git sorts `entry` by: its bytes, with a `/` after a subtree's. */
function sortKey(entry: RawEntry): Buffer {
  return (entry.mode & S_IFMT) === S_IFDIR ? Buffer.concat([entry.name, Buffer.from('/')]) : entry.name;
}

/** Per message id, in the order Git reports them, whether `entries` break it. */
function findings(entries: readonly RawEntry[]): [FsckFinding, boolean][] {
  const names = entries.map((e) => e.name.toString('utf8'));
  const seen = new Set(entries.map((e) => e.name.toString('latin1')));
  const has = (test: (e: RawEntry, name: string) => boolean) => entries.some((e, i) => test(e, names[i]!));
  return [
    [finding('gitmodulesSymlink', '.gitmodules is a symbolic link'), has((e, name) => (e.mode & S_IFMT) === S_IFLNK && isDotGitmodules(name))],
    [finding('nullSha1', 'contains entries pointing to null sha1'), has((e) => e.nullId)],
    [finding('fullPathname', 'contains full pathnames'), has((e) => e.name.includes(0x2f))],
    [finding('hasDot', "contains '.'"), has((_, name) => name === '.')],
    [finding('hasDotdot', "contains '..'"), has((_, name) => name === '..')],
    [finding('hasDotgit', "contains '.git'"), has((_, name) => isDotGit(name))],
    [finding('zeroPaddedFilemode', 'contains zero-padded file modes'), has((e) => e.modeText.startsWith('0'))],
    [finding('badFilemode', 'contains bad file modes'), has((e) => !STANDARD_MODES.has(e.mode))],
    [finding('duplicateEntries', 'contains duplicate file entries'), seen.size < entries.length],
    [finding('treeNotSorted', 'not properly sorted'), entries.some((e, i) => i > 0 && Buffer.compare(sortKey(entries[i - 1]!), sortKey(e)) >= 0)],
  ];
}

/** The first check the tree `payload` fails under `git fsck --strict`, or undefined when it passes. O(payload bytes). */
export function fsckTree(payload: Buffer): FsckFinding | undefined {
  const entries = rawEntries(payload);
  if (entries === undefined) return finding('badTree', 'cannot be parsed as a tree');
  return findings(entries).find(([, broken]) => broken)?.[0];
}
