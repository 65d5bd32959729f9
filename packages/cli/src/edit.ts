/**
 * The shared step of the structure verbs (`grove map set`, `grove queue
 * push`...): read the value at PATH by its stored tag, or start an empty
 * one of `--type` when nothing is there, change it, and write it back in
 * exactly one commit.
 */
import { formatPath, parseTag, type TypeTerm } from '@grove/merge';
import { tagOf, type Commit, type Path, type Repo, type StoredType } from '@grove/store';
import { commitOptions, currentBranch, openRepo, requireHead, type Context } from './context.js';
import { CliError } from './exit.js';
import { resolveType, typeTag } from './type-expressions.js';
import { fromJson } from './value-types.js';

/** The kind of value a verb works on: the tag names it accepts, and the JSON of an empty one. */
export interface Kind {
  /** As messages name it: `a map`. */
  readonly noun: string;
  /** The `--type` to suggest when creating one, e.g. `map<counter>`. */
  readonly example: string;
  readonly names: readonly string[];
  /** The JSON form (see `fromJson`) of an empty value. */
  readonly empty: '' | readonly never[] | Readonly<Record<string, never>>;
}

/** A value at PATH, its type's tag and type, as a verb sees it. */
export interface Editing {
  readonly repo: Repo;
  readonly term: TypeTerm;
  readonly value: unknown;
}

/** The tag of the value at `path` in `ctx`'s branch as it is now, or of the new one `--type` names. */
async function typeAt(ctx: Context, repo: Repo, kind: Kind, path: Path, stored: string | undefined): Promise<{ tag: string; type: StoredType }> {
  const shown = formatPath(path);
  const expression = ctx.options.type;
  if (stored === undefined) {
    if (expression === undefined) throw new CliError(`nothing at ${shown} to edit; create ${kind.noun} with --type, e.g. --type '${kind.example}'`);
    return { tag: typeTag(expression), type: resolveType(repo.types, expression) };
  }
  if (expression !== undefined && typeTag(expression) !== stored) {
    throw new CliError(`${shown} already holds a ${stored}, not a ${typeTag(expression)}; drop --type, or write elsewhere`);
  }
  const type = repo.types.get(stored);
  if (type === undefined) throw new CliError(`${shown} holds a ${stored}, a type this process does not know (${repo.types.explain(stored)})`);
  return { tag: stored, type };
}

/**
 * Runs `change` on the value at PATH (`ctx.args[0]`) and writes what it
 * returns in one commit on the branch; returns that commit (the head when
 * nothing changed) and what `change` reported. Throws `CliError` when PATH
 * holds another kind of value, or nothing and no `--type`.
 */
export async function edit<R>(ctx: Context, path: Path, kind: Kind, change: (editing: Editing) => Promise<{ value: unknown; report: R }>): Promise<{ commit: Commit; report: R }> {
  const repo = await openRepo(ctx);
  const branch = currentBranch(ctx, repo);
  let report: R | undefined;
  const commit = await branch.update(async (tx) => {
    const child = await tx.tree.get(path);
    const stored = child === undefined ? undefined : await tagOf(child, repo.nodes);
    if (child !== undefined && stored === undefined) throw new CliError(`${formatPath(path)} is a folder, not ${kind.noun}; list it with grove ls ${formatPath(path)}`);
    const { tag, type } = await typeAt(ctx, repo, kind, path, stored);
    const term = parseTag(tag);
    if (!kind.names.includes(term.name)) {
      if (stored === undefined) throw new CliError(`--type ${ctx.options.type} is not ${kind.noun}; use e.g. --type '${kind.example}'`);
      throw new CliError(`${formatPath(path)} holds a ${tag}, not ${kind.noun}; see grove get ${formatPath(path)}`);
    }
    const value = stored === undefined ? fromJson(repo.types, term, kind.empty) : await tx.get(path);
    const changed = await change({ repo, term, value });
    report = changed.report;
    await tx.set(path, changed.value, type);
  }, commitOptions(ctx));
  return { commit: commit ?? (await repo.readCommit(await requireHead(branch))), report: report as R };
}
