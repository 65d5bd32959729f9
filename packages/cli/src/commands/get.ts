/** `grove get PATH`: print one value. */
import { formatPath } from '@grove/merge';
import type { Command } from '../command.js';
import { currentBranch, openRepo, valuePath } from '../context.js';
import { entryAt } from '../entries.js';
import { EXIT } from '../exit.js';
import { formatValue, printJson, valueJson } from '../output.js';

/** Prints the value at PATH: text as is, counters in decimal, JSON as JSON; exit 1 when there is none. */
export const get: Command = {
  name: 'get',
  params: 'PATH',
  summary: 'print the value at PATH (exit 1 when there is none)',
  options: ['repo', 'branch', 'json'],
  async run(ctx) {
    const path = valuePath(ctx.args[0]!);
    const repo = await openRepo(ctx);
    const { child } = await entryAt(repo, currentBranch(ctx, repo), path, 'value');
    const stored = (await repo.value(child))!;
    if (ctx.options.json) printJson(ctx.io, { path: formatPath(path), ...valueJson(stored) });
    else ctx.io.stdout(formatValue(stored));
    return EXIT.ok;
  },
};
