/** `grove revert HASH`: bring a snapshot's contents back, keeping the history. */
import type { Command } from '../command.js';
import { commitOptions, currentBranch, openRepo, requireHead } from '../context.js';
import { EXIT } from '../exit.js';

/** Commits the contents of snapshot HASH (a commit id or a branch) on the branch and prints the head. */
export const revert: Command = {
  name: 'revert',
  params: 'HASH',
  summary: 'commit the contents of snapshot HASH on the branch, keeping its history, and print the head',
  options: ['repo', 'branch', 'message', 'author'],
  async run(ctx) {
    const repo = await openRepo(ctx);
    const branch = currentBranch(ctx, repo);
    const commit = await branch.revert(ctx.args[0]!, commitOptions(ctx));
    // undefined: the branch already holds those contents, so nothing was committed.
    ctx.io.stdout(commit?.hash ?? (await requireHead(branch)));
    return EXIT.ok;
  },
};
