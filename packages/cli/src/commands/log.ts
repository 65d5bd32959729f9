/** `grove log`: the history of a branch. */
import { positiveInteger } from '../args.js';
import type { Command } from '../command.js';
import { currentBranch, openRepo, requireHead } from '../context.js';
import { EXIT } from '../exit.js';
import { commitJson, logLine, printJson } from '../output.js';

/** Prints the commits of the branch, newest first: `<hash> <date> <author> <subject>`. */
export const log: Command = {
  name: 'log',
  params: '',
  summary: 'print the commits of the branch, newest first: <hash> <date> <author> <subject>',
  options: ['repo', 'branch', 'limit', 'json'],
  async run(ctx) {
    const limit = positiveInteger(ctx.options, 'limit');
    const repo = await openRepo(ctx);
    const branch = currentBranch(ctx, repo);
    const from = await requireHead(branch);
    const commits = branch.log(limit === undefined ? { from } : { from, limit });
    if (ctx.options.json) {
      const all = [];
      for await (const c of commits) all.push(commitJson(c));
      printJson(ctx.io, all);
    } else {
      for await (const c of commits) ctx.io.stdout(logLine(c));
    }
    return EXIT.ok;
  },
};
