/** Every `grove` command, in the order help lists them. */
import type { Command } from '../command.js';
import { CliError } from '../exit.js';
import { branch, branches } from './branch.js';
import { clone } from './clone.js';
import { diff } from './diff.js';
import { fetch } from './fetch.js';
import { get } from './get.js';
import { init } from './init.js';
import { log } from './log.js';
import { ls } from './ls.js';
import { merge } from './merge.js';
import { pull } from './pull.js';
import { push } from './push.js';
import { remote } from './remote.js';
import { revert } from './revert.js';
import { rm } from './rm.js';
import { serve } from './serve.js';
import { set } from './set.js';
import { snapshot } from './snapshot.js';
import { watch } from './watch.js';

/** The commands by name. */
export const COMMANDS: ReadonlyMap<string, Command> = new Map(
  [init, get, set, rm, ls, log, branch, branches, merge, diff, snapshot, revert, watch, clone, remote, fetch, pull, push, serve].map((c) => [c.name, c]),
);

/** The command called `name`. Throws `CliError` for an unknown name. */
export function findCommand(name: string): Command {
  const command = COMMANDS.get(name);
  if (command === undefined) throw new CliError(`unknown command ${JSON.stringify(name)}; see grove --help`);
  return command;
}
