/**
 * Tree entry names that checkouts on HFS+ or NTFS would read as `.git` or
 * `.gitmodules`, decided as Git's `is_hfs_dotgit`, `is_ntfs_dotgit` and
 * `is_ntfs_dotgitmodules` do (utf8.c, path.c), so a pushed tree cannot
 * write into a cloner's repository directory.
 */

/** Code points HFS+ ignores in names, so `.g\u200cit` opens `.git`. */
const HFS_IGNORED = new Set([0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x206a, 0x206b, 0x206c, 0x206d, 0x206e, 0x206f, 0xfeff]);

/**
 * Whether HFS+ reads `name` as `.<needle>` (ASCII, lower case): case
 * folded, ignorable code points skipped, ending at the name's end or a
 * `/`. O(name length).
 */
function isHfsDot(name: string, needle: string): boolean {
  const chars = [...name].filter((c) => !HFS_IGNORED.has(c.codePointAt(0)!));
  const head = chars.slice(0, needle.length + 1).join('');
  const next = chars[needle.length + 1];
  return head.toLowerCase() === `.${needle}` && /^[\x00-\x7f]*$/.test(head) && (next === undefined || next === '/');
}

/** Whether `rest` is only spaces and periods up to its end, a `:` (an NTFS stream) or, when `seps` are given, one of them. */
function onlySpacesAndPeriods(rest: string, seps = ''): boolean {
  for (const c of rest) {
    if (c === ':' || seps.includes(c)) return true;
    if (c !== ' ' && c !== '.') return false;
  }
  return true;
}

/** Whether NTFS reads `name` as `.git`: any case, its short name `git~1`, trailing spaces and periods, a stream suffix, or a `\` or `/` after it. */
function isNtfsDotGit(name: string): boolean {
  const m = /^(?:\.git|git~1)/i.exec(name);
  return m !== null && onlySpacesAndPeriods(name.slice(m[0].length), '\\/');
}

/** `name` and each part of it after a `\`, which NTFS reads as a directory separator. */
function ntfsTails(name: string): string[] {
  const tails = [name];
  for (let at = name.indexOf('\\'); at >= 0; at = name.indexOf('\\', at + 1)) tails.push(name.slice(at + 1));
  return tails;
}

/** Whether HFS+ or NTFS reads `name`, or any part of it after a `\`, as `.git`. */
export function isDotGit(name: string): boolean {
  return isHfsDot(name, 'git') || ntfsTails(name).some(isNtfsDotGit);
}

/**
 * Whether NTFS reads `name` as `.gitmodules`: the long name in any case, a
 * short name `gitmod~1` to `~4`, or the hashed fallback `gi7eba~N`, each
 * allowing trailing spaces, periods and a stream suffix.
 */
function isNtfsDotGitmodules(name: string): boolean {
  if (/^\.gitmodules/i.test(name)) return onlySpacesAndPeriods(name.slice(11));
  if (/^gitmod~[1-4]/i.test(name)) return onlySpacesAndPeriods(name.slice(8));
  const fallback = /^([^~]{0,6})~([1-9][0-9]*)/.exec(name.slice(0, 8));
  if (fallback === null || name.length < 8 || fallback[0].length !== 8) return false;
  return 'gi7eba'.startsWith(fallback[1]!.toLowerCase()) && /^[\x00-\x7f]*$/.test(fallback[1]!) && onlySpacesAndPeriods(name.slice(8));
}

/** Whether HFS+ or NTFS reads `name`, or any part of it after a `\`, as `.gitmodules`. */
export function isDotGitmodules(name: string): boolean {
  return isHfsDot(name, 'gitmodules') || ntfsTails(name).some(isNtfsDotGitmodules);
}
