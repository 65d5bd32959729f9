/** Every `grove` command, in the order help lists them. */
import type { Command } from '../command.js';
import { CliError } from '../exit.js';
import { branch, branches } from './branch.js';
import { clone } from './clone.js';
import { diff } from './diff.js';
import { fetch } from './fetch.js';
import { fsck } from './fsck.js';
import { get } from './get.js';
import { init } from './init.js';
import { log } from './log.js';
import { ls } from './ls.js';
import { mapDelete, mapInc, mapSet } from './map.js';
import { membersAdd, membersDelete } from './members.js';
import { merge } from './merge.js';
import { pull } from './pull.js';
import { push } from './push.js';
import { queuePop, queuePush } from './queue.js';
import { remote } from './remote.js';
import { resolve } from './resolve.js';
import { revert } from './revert.js';
import { rm } from './rm.js';
import { serve } from './serve.js';
import { set } from './set.js';
import { snapshot } from './snapshot.js';
import { textDelete, textInsert } from './text.js';
import { watch } from './watch.js';

/** The commands by name. */
export const COMMANDS: ReadonlyMap<string, Command> = new Map(
  [
    ...[init, get, set, rm, ls, log, branch, branches, merge, resolve, diff, snapshot, revert, watch],
    ...[mapSet, mapInc, mapDelete, membersAdd, membersDelete, queuePush, queuePop, textInsert, textDelete],
    ...[clone, remote, fetch, pull, push, serve, fsck],
  ].map((c) => [c.name, c]),
);

/**
 * The command the first of `words` names, with the words after its name. A
 * group (`map`, `members`, `queue`, `text`) takes its verb from the second
 * word: `map set`. Throws `CliError` for an unknown name or verb.
 * @example
 * findCommand(['map', 'set', 'votes', 'ada', '1']); // { command: mapSet, args: ['votes', 'ada', '1'] }
 */
export function findCommand(words: readonly string[]): { command: Command; args: readonly string[] } {
  const [name = '', verb, ...rest] = words;
  const single = COMMANDS.get(name);
  if (single !== undefined) return { command: single, args: words.slice(1) };
  const verbs = [...COMMANDS.keys()].filter((n) => n.startsWith(`${name} `)).map((n) => n.slice(name.length + 1));
  if (verbs.length === 0) throw new CliError(`unknown command ${JSON.stringify(name)}; see grove --help`);
  const command = verb === undefined ? undefined : COMMANDS.get(`${name} ${verb}`);
  if (command === undefined) throw new CliError(`grove ${name} needs a verb: ${verbs.join(', ')}; see grove help ${name} ${verbs[0]}`);
  return { command, args: rest };
}
