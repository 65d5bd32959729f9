/** `grove merge FROM`: merge a branch or commit into the branch, each value by its type. */
import { isHash } from '@grove/store';
import type { Command } from '../command.js';
import { commitOptions, currentBranch, openRepo, requireHead } from '../context.js';
import { EXIT } from '../exit.js';
import { conflictLine, mergedLine } from '../output.js';

/**
 * Merges FROM into the branch and prints `<outcome> <head>` (up-to-date,
 * fast-forward or merged). On conflicts prints one `<path> <kind>: <message>`
 * line each, leaves the branch as it was and exits 1.
 */
export const merge: Command = {
  name: 'merge',
  params: 'FROM',
  summary: 'merge branch or commit FROM into the branch; on conflicts print them, path first, and exit 1',
  options: ['repo', 'branch', 'message', 'author'],
  async run(ctx) {
    const from = ctx.args[0]!;
    const repo = await openRepo(ctx);
    const into = currentBranch(ctx, repo);
    const source = isHash(from) ? from : repo.branch(from);
    if (typeof source !== 'string') await requireHead(source);
    const outcome = await into.merge(source, commitOptions(ctx));
    if (outcome.kind !== 'conflict') {
      ctx.io.stdout(mergedLine(outcome));
      return EXIT.ok;
    }
    for (const c of outcome.conflicts) ctx.io.stdout(conflictLine(c));
    const n = outcome.conflicts.length;
    ctx.io.stderr(`grove: ${n} conflict${n === 1 ? '' : 's'} merging ${from} into ${into.name}, which is unchanged; make both sides hold the same value at ${n === 1 ? 'that path' : 'those paths'}, then merge again`);
    return EXIT.no;
  },
};
