/** `grove rm PATH`: remove a value or a folder in a new commit. */
import type { Command } from '../command.js';
import { commitOptions, currentBranch, openRepo, requireHead, valuePath } from '../context.js';
import { entryAt } from '../entries.js';
import { EXIT } from '../exit.js';

/** Removes the value or folder at PATH in a new commit and prints its id; exit 1 when there is nothing. */
export const rm: Command = {
  name: 'rm',
  params: 'PATH',
  summary: 'remove the value or folder at PATH in a new commit and print its id (exit 1 when there is none)',
  options: ['repo', 'branch', 'message', 'author'],
  async run(ctx) {
    const path = valuePath(ctx.args[0]!);
    const repo = await openRepo(ctx);
    const branch = currentBranch(ctx, repo);
    await entryAt(repo, branch, path);
    const commit = await branch.remove(path, commitOptions(ctx));
    // undefined: another writer removed it first; it is gone all the same.
    ctx.io.stdout(commit?.hash ?? (await requireHead(branch)));
    return EXIT.ok;
  },
};
