/** `grove init [DIR]`: create a repository, or reopen the one already there. */
import { Repo } from '@grove/store';
import type { Command } from '../command.js';
import { repoDir } from '../context.js';
import { CliError, EXIT } from '../exit.js';

/** Creates a bare Git repository in DIR (default: `--repo`, else the working directory) and prints its path. */
export const init: Command = {
  name: 'init',
  params: '[DIR]',
  summary: 'create a repository (a bare Git repository) in DIR and print its path',
  options: ['repo'],
  async run(ctx) {
    const [dir] = ctx.args;
    if (dir !== undefined && ctx.options.repo !== undefined) throw new CliError('init takes DIR or --repo DIR, not both');
    const repo = await Repo.open(repoDir(ctx, dir));
    ctx.io.stdout(repo.backend.dir!);
    return EXIT.ok;
  },
};
