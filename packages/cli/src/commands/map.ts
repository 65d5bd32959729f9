/** `grove map set|inc|delete PATH KEY`: change one key of a map in a new commit. */
import * as GMap from '@grove/map';
import { formatPath } from '@grove/merge';
import type { Command } from '../command.js';
import { valuePath, type Context } from '../context.js';
import { edit, type Editing, type Kind } from '../edit.js';
import { CliError, EXIT } from '../exit.js';
import { printCommit } from '../output.js';
import { readInput } from '../value-input.js';
import { integer, parseValue } from '../value-types.js';

const MAP: Kind = { noun: 'a map', example: 'map<json>', names: ['grove/sharded-map@1', 'grove/map@1'], empty: {} };
const OPTIONS = ['repo', 'branch', 'type', 'message', 'author', 'json'] as const;

/** A map either way it is stored: sharded in its own subtree, or a `ReadonlyMap` inside one blob. */
type AnyMap = GMap.GroveMap<unknown> | ReadonlyMap<string, unknown>;

const isSharded = (map: AnyMap): map is GMap.GroveMap<unknown> => !(map instanceof Map);

/** Changes KEY (`ctx.args[1]`) of the map at PATH (`ctx.args[0]`) in one commit and prints the commit. */
async function editKey(ctx: Context, change: (entry: { old: unknown; editing: Editing }) => { value: unknown } | undefined): Promise<typeof EXIT.ok> {
  const path = valuePath(ctx.args[0]!);
  const key = ctx.args[1]!;
  const { commit } = await edit(ctx, path, MAP, async (editing) => {
    const map = isSharded(editing.value as AnyMap) ? await GMap.load(editing.value as GMap.GroveMap<unknown>, [key]) : (editing.value as ReadonlyMap<string, unknown>);
    const old = isSharded(map) ? GMap.get(map, key) : map.get(key);
    const next = change({ old, editing });
    if (next === undefined) {
      if (old === undefined) throw new CliError(`no key ${JSON.stringify(key)} in the map at ${formatPath(path)}`, EXIT.no);
      return { value: isSharded(map) ? GMap.delete(map, key) : new Map([...map].filter(([k]) => k !== key)), report: undefined };
    }
    return { value: isSharded(map) ? GMap.set(map, key, next.value) : new Map(map).set(key, next.value), report: undefined };
  });
  printCommit(ctx, commit.hash);
  return EXIT.ok;
}

/** `grove map set PATH KEY VALUE`: VALUE read as the map's value type. */
export const mapSet: Command = {
  name: 'map set',
  params: 'PATH KEY VALUE',
  summary: "set KEY of the map at PATH to VALUE, read as the map's value type, in a new commit",
  options: OPTIONS,
  async run(ctx) {
    const input = await readInput(ctx.io, ctx.args[2]!);
    return editKey(ctx, ({ editing }) => ({ value: parseValue(editing.repo.types, editing.term.args[0]!, input) }));
  },
};

/** `grove map inc PATH KEY [N]`: adds N (default 1, may be negative) to a counter in a map of counters. */
export const mapInc: Command = {
  name: 'map inc',
  params: 'PATH KEY [N]',
  summary: 'add N (default 1; negative subtracts) to KEY of the map of counters at PATH in a new commit',
  options: OPTIONS,
  async run(ctx) {
    const by = integer(ctx.args[2] ?? '1');
    return editKey(ctx, ({ old, editing }) => {
      if (editing.term.args[0]!.name !== 'grove/counter@1') {
        throw new CliError(`map inc needs a map of counters, and ${formatPath(valuePath(ctx.args[0]!))} holds a map of ${editing.term.args[0]!.name}; use grove map set`);
      }
      return { value: ((old as bigint | undefined) ?? 0n) + by };
    });
  },
};

/** `grove map delete PATH KEY`: exit 1 when the key is absent. */
export const mapDelete: Command = {
  name: 'map delete',
  params: 'PATH KEY',
  summary: 'remove KEY from the map at PATH in a new commit (exit 1 when it is absent)',
  options: ['repo', 'branch', 'message', 'author', 'json'],
  run: (ctx) => editKey(ctx, () => undefined),
};
