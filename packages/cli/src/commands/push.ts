/** `grove push [REMOTE] [BRANCH] [--force]`: send a branch; refused unless it fast-forwards the remote. */
import { isGroveError } from '@grove/merge';
import { push as pushRemote } from '@grove/sync';
import type { Command } from '../command.js';
import { openRepo } from '../context.js';
import { CliError, EXIT } from '../exit.js';
import { commitId } from '../output.js';
import { namedRemote, progressLine } from '../sync-context.js';

/** Pushes BRANCH (default `--branch`, else main) to REMOTE (default origin); a refused push exits 1. */
export const push: Command = {
  name: 'push',
  params: '[REMOTE] [BRANCH]',
  summary: 'push BRANCH (default main) to REMOTE (default origin); refused (exit 1) unless a fast-forward or --force',
  options: ['repo', 'branch', 'force', 'token'],
  async run(ctx) {
    const [remoteName, branchArg] = ctx.args;
    const name = branchArg ?? ctx.options.branch ?? 'main';
    const repo = await openRepo(ctx);
    const remote = await namedRemote(ctx, repo, remoteName);
    const progress = progressLine(ctx);
    try {
      const result = await pushRemote(repo, remote, name, { force: ctx.options.force === true, ...progress });
      ctx.io.stdout(result.kind === 'up-to-date' ? `up-to-date ${result.to}` : `pushed ${commitId(result.from)}..${result.to} ${result.ref}`);
      return EXIT.ok;
    } catch (error) {
      if (isGroveError(error) && error.code === 'rejected') throw new CliError(error.message, EXIT.no);
      throw error;
    } finally {
      progress.end();
    }
  },
};
