/** `grove set PATH VALUE`: write one value in a new commit. */
import type { Command } from '../command.js';
import { commitOptions, currentBranch, openRepo, valuePath } from '../context.js';
import { EXIT } from '../exit.js';
import { parseValue } from '../value-types.js';

/** Stores VALUE (parsed as `--type`, default text) at PATH in a new commit and prints the head. */
export const set: Command = {
  name: 'set',
  params: 'PATH VALUE',
  summary: 'store VALUE at PATH in a new commit and print its id',
  options: ['repo', 'branch', 'type', 'message', 'author'],
  async run(ctx) {
    const path = valuePath(ctx.args[0]!);
    const { type, value } = parseValue(ctx.options.type ?? 'text', ctx.args[1]!);
    const repo = await openRepo(ctx);
    const commit = await currentBranch(ctx, repo).set(path, value, { type, ...commitOptions(ctx) });
    ctx.io.stdout(commit.hash);
    return EXIT.ok;
  },
};
