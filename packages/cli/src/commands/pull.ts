/** `grove pull [REMOTE] [BRANCH]`: fetch, then merge the remote's branch with each value's type. */
import { pull as pullRemote } from '@grove/sync';
import type { Command } from '../command.js';
import { openRepo } from '../context.js';
import { CliError, EXIT } from '../exit.js';
import { conflictLine, mergedLine } from '../output.js';
import { namedRemote, progressLine } from '../sync-context.js';

/**
 * Pulls BRANCH (default `--branch`, else main) from REMOTE (default origin)
 * and prints the merge outcome like `grove merge`; on conflicts prints them,
 * leaves the branch as it was and exits 1.
 */
export const pull: Command = {
  name: 'pull',
  params: '[REMOTE] [BRANCH]',
  summary: 'fetch REMOTE (default origin) and merge its BRANCH (default main) into the local one; conflicts exit 1',
  options: ['repo', 'branch', 'token'],
  async run(ctx) {
    const [remoteName, branchArg] = ctx.args;
    const name = branchArg ?? ctx.options.branch ?? 'main';
    const repo = await openRepo(ctx);
    const remote = await namedRemote(ctx, repo, remoteName);
    const progress = progressLine(ctx);
    const { merge } = await pullRemote(repo, remote, name, progress);
    progress.end();
    if (merge === undefined) throw new CliError(`${remote.name} has no branch ${name}; list its branches with grove fetch ${remote.name} && grove branches`);
    if (merge.kind !== 'conflict') {
      ctx.io.stdout(mergedLine(merge));
      return EXIT.ok;
    }
    for (const c of merge.conflicts) ctx.io.stdout(conflictLine(c));
    ctx.io.stderr(`grove: ${merge.conflicts.length} conflict(s) pulling ${remote.name}/${name}; ${name} is unchanged: write the values you want at those paths, then pull again`);
    return EXIT.no;
  },
};
