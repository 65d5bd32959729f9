/** `grove remote add NAME URL`, `grove remote list`, `grove remote remove NAME`. */
import { addRemote, listRemotes, removeRemote } from '@grove/sync';
import type { Command } from '../command.js';
import { openRepo } from '../context.js';
import { CliError, EXIT } from '../exit.js';

/** Manages the repository's remotes; on disk they live in its Git config, so `git remote -v` shows them too. */
export const remote: Command = {
  name: 'remote',
  params: 'ACTION [NAME] [URL]',
  summary: 'add NAME URL, list (NAME URL per line) or remove NAME a remote',
  options: ['repo'],
  async run(ctx) {
    const [action, name, url] = ctx.args;
    const repo = await openRepo(ctx);
    if (action === 'list' && name === undefined) {
      for (const [n, u] of await listRemotes(repo)) ctx.io.stdout(`${n} ${u}`);
      return EXIT.ok;
    }
    if (action === 'add' && name !== undefined && url !== undefined) {
      await addRemote(repo, name, url);
      return EXIT.ok;
    }
    if (action === 'remove' && name !== undefined && url === undefined) {
      if (!(await removeRemote(repo, name))) throw new CliError(`no remote ${name}; list them with grove remote list`);
      return EXIT.ok;
    }
    throw new CliError('usage: grove remote add NAME URL | grove remote list | grove remote remove NAME');
  },
};
