/** `grove fetch [REMOTE]`: bring a remote's branches in as remote-tracking refs. */
import { fetch as fetchRemote } from '@grove/sync';
import type { Command } from '../command.js';
import { openRepo } from '../context.js';
import { EXIT } from '../exit.js';
import { commitId } from '../output.js';
import { namedRemote, progressLine } from '../sync-context.js';

/** Fetches REMOTE (default origin) and prints `<from>..<to> <ref>` for each remote-tracking ref that moved. */
export const fetch: Command = {
  name: 'fetch',
  params: '[REMOTE]',
  summary: 'fetch the branches of REMOTE (default origin) into refs/remotes/REMOTE/*; print each ref that moved',
  options: ['repo', 'token'],
  async run(ctx) {
    const repo = await openRepo(ctx);
    const progress = progressLine(ctx);
    const result = await fetchRemote(repo, await namedRemote(ctx, repo, ctx.args[0]), progress);
    progress.end();
    for (const u of result.updated) ctx.io.stdout(`${commitId(u.from)}..${commitId(u.to)} ${u.ref}`);
    return EXIT.ok;
  },
};
