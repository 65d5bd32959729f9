/**
 * `grove members add|delete PATH ELEMENT`: change a set in a new commit.
 * (Not `grove set add`: `grove set PATH VALUE` would read a forgotten
 * ELEMENT as a write of the text ELEMENT at the path `add`.)
 */
import * as GSet from '@grove/set';
import { formatPath } from '@grove/merge';
import type { Command } from '../command.js';
import { valuePath, type Context } from '../context.js';
import { edit, type Kind } from '../edit.js';
import { CliError, EXIT } from '../exit.js';
import { printCommit } from '../output.js';
import { readInput } from '../value-input.js';
import { parseValue } from '../value-types.js';

const SET: Kind = { noun: 'a set', example: 'set<text>', names: ['grove/sharded-set@1', 'grove/set@1'], empty: [] };

/** A set either way it is stored: sharded in its own subtree, or a `ReadonlySet` inside one blob. */
type AnySet = GSet.GroveSet<unknown> | ReadonlySet<unknown>;

const isSharded = (set: AnySet): set is GSet.GroveSet<unknown> => !(set instanceof Set);

/** Adds or deletes ELEMENT (`ctx.args[1]`, read as the set's element type) in the set at PATH in one commit. */
async function editElement(ctx: Context, add: boolean): Promise<typeof EXIT.ok> {
  const path = valuePath(ctx.args[0]!);
  const input = await readInput(ctx.io, ctx.args[1]!);
  const { commit } = await edit(ctx, path, SET, async ({ repo, term, value }) => {
    const element = parseValue(repo.types, term.args[0]!, input);
    const set = isSharded(value as AnySet) ? await GSet.load(value as GSet.GroveSet<unknown>, [element]) : (value as ReadonlySet<unknown>);
    const present = isSharded(set) ? GSet.has(set, element) : set.has(element);
    if (!add && !present) throw new CliError(`${ctx.args[1]} is not in the set at ${formatPath(path)}`, EXIT.no);
    if (isSharded(set)) return { value: add ? GSet.add(set, element) : GSet.delete(set, element), report: undefined };
    const next = new Set(set);
    if (add) next.add(element);
    else next.delete(element);
    return { value: next, report: undefined };
  });
  printCommit(ctx, commit.hash);
  return EXIT.ok;
}

const OPTIONS = ['repo', 'branch', 'type', 'message', 'author', 'json'] as const;

/** `grove members add PATH ELEMENT`. */
export const membersAdd: Command = {
  name: 'members add',
  params: 'PATH ELEMENT',
  summary: "add ELEMENT, read as the set's element type, to the set at PATH in a new commit",
  options: OPTIONS,
  run: (ctx) => editElement(ctx, true),
};

/** `grove members delete PATH ELEMENT`: exit 1 when the element is absent. */
export const membersDelete: Command = {
  name: 'members delete',
  params: 'PATH ELEMENT',
  summary: 'remove ELEMENT from the set at PATH in a new commit (exit 1 when it is absent)',
  options: ['repo', 'branch', 'message', 'author', 'json'],
  run: (ctx) => editElement(ctx, false),
};
