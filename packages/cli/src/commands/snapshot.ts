/** `grove snapshot`: the commit id a branch is at, to come back to later. */
import type { Command } from '../command.js';
import { currentBranch, openRepo, requireHead } from '../context.js';
import { EXIT } from '../exit.js';
import { printJson } from '../output.js';

/** Prints the head commit id of the branch: a snapshot that `diff` and `revert` accept. */
export const snapshot: Command = {
  name: 'snapshot',
  params: '',
  summary: 'print the head commit id of the branch (for diff and revert)',
  options: ['repo', 'branch', 'json'],
  async run(ctx) {
    const repo = await openRepo(ctx);
    const branch = currentBranch(ctx, repo);
    const head = await requireHead(branch);
    if (ctx.options.json) printJson(ctx.io, { branch: branch.name, head });
    else ctx.io.stdout(head);
    return EXIT.ok;
  },
};
