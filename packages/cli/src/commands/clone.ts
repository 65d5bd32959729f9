/** `grove clone URL [DIR]`: a new repository with every branch of a remote, and `origin` set to URL. */
import { basename, resolve } from 'node:path';
import { Repo } from '@grove/store';
import { addRemote, clone as cloneRepo } from '@grove/sync';
import type { Command } from '../command.js';
import { CliError, EXIT } from '../exit.js';
import { namedRemote, progressLine } from '../sync-context.js';

/** The directory a clone of `url` goes to by default: the URL's last segment without `.git`, else `grove`. */
function defaultDir(url: string): string {
  const last = basename(new URL(url).pathname).replace(/\.git$/, '');
  return last === '' ? 'grove' : last;
}

/** Creates DIR (which must be new or empty), adds remote origin, fetches and creates each branch. */
export const clone: Command = {
  name: 'clone',
  params: 'URL [DIR]',
  summary: 'copy the repository at URL (Grove server or any Git server over http) into a new DIR, with remote origin',
  options: ['token'],
  async run(ctx) {
    const [url, dirArg] = ctx.args as [string, string | undefined];
    if (!/^https?:\/\//.test(url)) throw new CliError(`${url} is not an http(s) URL; give one such as http://127.0.0.1:8080/`);
    const dir = resolve(ctx.io.cwd, dirArg ?? defaultDir(url));
    const repo = await Repo.open(dir).catch(() => {
      throw new CliError(`${dir} is not empty; clone into a new or empty directory`);
    });
    if ((await repo.branches()).length > 0) throw new CliError(`${dir} already holds a repository; clone into a new or empty directory`);
    await addRemote(repo, 'origin', url);
    const progress = progressLine(ctx);
    const result = await cloneRepo(repo, await namedRemote(ctx, repo), progress);
    progress.end();
    ctx.io.stdout(`cloned ${result.heads.size} branch${result.heads.size === 1 ? '' : 'es'} (${result.objects} objects) into ${dir}`);
    return EXIT.ok;
  },
};
