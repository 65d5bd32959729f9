/**
 * Entries as a user sees them: a value (a typed blob, or a structure stored
 * as a marked subtree), a folder of entries, or a Git submodule link.
 */
import { assert, formatPath } from '@grove/merge';
import { tagOf, type Branch, type Hash, type Path, type Repo, type Tree, type TreeChild } from '@grove/store';
import { CliError, EXIT } from './exit.js';

/** One entry: a value with its type tag, a folder, or a submodule link. */
export type Entry =
  | { readonly kind: 'value'; readonly tag: string; readonly child: TreeChild }
  | { readonly kind: 'folder'; readonly tree: Tree }
  | { readonly kind: 'submodule'; readonly hash: Hash };

/** What `child` is. Reads its blob, or its root tree's marker, to find the tag. */
export async function describeEntry(repo: Repo, child: TreeChild): Promise<Entry> {
  if (child.kind === 'commit') return { kind: 'submodule', hash: child.hash };
  const tag = await tagOf(child, repo.nodes);
  if (tag !== undefined) return { kind: 'value', tag, child };
  assert(child.kind === 'tree', 'every blob has a type tag');
  return { kind: 'folder', tree: child.tree };
}

const ADVICE: Record<Entry['kind'], (shown: string) => string> = {
  value: (shown) => `${shown} is a value; read it with grove get ${shown}`,
  folder: (shown) => `${shown} is a folder; list it with grove ls ${shown}`,
  submodule: (shown) => `${shown} is a Git submodule link, which holds no value`,
};

/**
 * The entry at `path` on the head of `branch`. Throws `CliError`: exit 1
 * when nothing is there, exit 2 when it is not of the kind `want` (if given).
 */
export async function entryAt<K extends Entry['kind']>(repo: Repo, branch: Branch, path: Path, want?: K): Promise<Extract<Entry, { kind: K }>> {
  const child = await (await branch.tree()).get(path);
  const shown = formatPath(path);
  if (child === undefined) throw new CliError(`nothing at ${shown} on branch ${branch.name}`, EXIT.no);
  const entry = await describeEntry(repo, child);
  if (want !== undefined && entry.kind !== want) throw new CliError(ADVICE[entry.kind](shown));
  return entry as Extract<Entry, { kind: K }>;
}
