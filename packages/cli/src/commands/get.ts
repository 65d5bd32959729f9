/** `grove get PATH`: print one value, whatever its type. */
import { formatPath } from '@grove/merge';
import type { Command } from '../command.js';
import { currentBranch, openRepo, valuePath } from '../context.js';
import { entryAt } from '../entries.js';
import { EXIT } from '../exit.js';
import { formatValue, printJson, valueJson } from '../output.js';

/**
 * Prints the value at PATH, decoded by its type tag: text as is, integers in
 * decimal, a rope as its text, anything else as one line of JSON (a map as
 * an object, a set or a queue as an array). Exit 1 when there is none; exit
 * 2 (`unknown-type`) for a type this process does not know.
 */
export const get: Command = {
  name: 'get',
  params: 'PATH',
  summary: 'print the value at PATH, of any type (exit 1 when there is none)',
  options: ['repo', 'branch', 'json'],
  async run(ctx) {
    const path = valuePath(ctx.args[0]!);
    const repo = await openRepo(ctx);
    const branch = currentBranch(ctx, repo);
    const { child } = await entryAt(repo, branch, path, 'value');
    const stored = (await repo.value(child, { path, commit: await branch.head() }))!;
    if (ctx.options.json) printJson(ctx.io, { path: formatPath(path), ...(await valueJson(stored)) });
    else ctx.io.stdout(await formatValue(stored));
    return EXIT.ok;
  },
};
