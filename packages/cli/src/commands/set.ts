/** `grove set PATH VALUE`: write one value, of any type, in a new commit. */
import { parseTag } from '@grove/merge';
import type { Command } from '../command.js';
import { commitOptions, currentBranch, openRepo, valuePath } from '../context.js';
import { EXIT } from '../exit.js';
import { printCommit } from '../output.js';
import { resolveType, typeTag } from '../type-expressions.js';
import { readInput } from '../value-input.js';
import { parseValue } from '../value-types.js';

/**
 * Stores VALUE (read as `--type`, default text; `-` and `@FILE` read stdin
 * or a file) at PATH in a new commit and prints the head.
 */
export const set: Command = {
  name: 'set',
  params: 'PATH VALUE',
  summary: 'store VALUE at PATH in a new commit and print its id',
  options: ['repo', 'branch', 'type', 'message', 'author', 'json'],
  async run(ctx) {
    const path = valuePath(ctx.args[0]!);
    const expression = ctx.options.type ?? 'text';
    const term = parseTag(typeTag(expression));
    const repo = await openRepo(ctx);
    const type = resolveType(repo.types, expression);
    const value = parseValue(repo.types, term, await readInput(ctx.io, ctx.args[1]!));
    const commit = await currentBranch(ctx, repo).set(path, value, { type, ...commitOptions(ctx) });
    printCommit(ctx, commit.hash);
    return EXIT.ok;
  },
};
