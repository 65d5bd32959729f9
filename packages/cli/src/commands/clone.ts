/** `grove clone URL [DIR]`: a new repository with every branch of a remote, and `origin` set to URL. */
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { Repo } from '@grove/store';
import { addRemote, clone as cloneRepo, removeRemote } from '@grove/sync';
import type { Command } from '../command.js';
import { CliError, EXIT } from '../exit.js';
import { namedRemote, progressLine } from '../sync-context.js';

/** The directory a clone of `url` goes to by default: the URL's last segment without `.git`, else `grove`. */
function defaultDir(url: string): string {
  const last = basename(new URL(url).pathname).replace(/\.git$/, '');
  return last === '' ? 'grove' : last;
}

/** The entries of `dir`, or undefined when it does not exist. */
async function entries(dir: string): Promise<string[] | undefined> {
  return readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
}

/**
 * What a failed clone must undo, judged before it starts: the topmost of
 * `dir` and its ancestors that is missing (removed whole), or the entries
 * of `dir` when it is empty (removed, `dir` kept), or only the remote when
 * `dir` already held something (an empty repository).
 */
async function undoFor(dir: string): Promise<(repo: Repo | undefined) => Promise<void>> {
  let missing: string | undefined;
  for (let at = dir; (await entries(at)) === undefined && dirname(at) !== at; at = dirname(at)) missing = at;
  if (missing !== undefined) return () => rm(missing, { recursive: true, force: true });
  if ((await entries(dir))!.length === 0) {
    return async () => {
      for (const entry of (await entries(dir)) ?? []) await rm(join(dir, entry), { recursive: true, force: true });
    };
  }
  return async (repo) => {
    if (repo !== undefined) await removeRemote(repo, 'origin');
  };
}

/**
 * Creates DIR (which must be new, empty or an empty repository), adds remote
 * origin, fetches and creates each branch. On failure removes what it
 * created, never a directory that was there before, so a retry can succeed.
 */
export const clone: Command = {
  name: 'clone',
  params: 'URL [DIR]',
  summary: 'copy the repository at URL (Grove server or any Git server over http) into a new DIR, with remote origin',
  options: ['token'],
  async run(ctx) {
    const [url, dirArg] = ctx.args as [string, string | undefined];
    if (!/^https?:\/\//.test(url)) throw new CliError(`${url} is not an http(s) URL; give one such as http://127.0.0.1:8080/`);
    const dir = resolve(ctx.io.cwd, dirArg ?? defaultDir(url));
    const undo = await undoFor(dir);
    let repo: Repo | undefined;
    let added = false;
    const progress = progressLine(ctx);
    try {
      repo = await Repo.open(dir).catch(() => {
        throw new CliError(`${dir} is not empty; clone into a new or empty directory`);
      });
      if ((await repo.branches()).length > 0) throw new CliError(`${dir} already holds a repository; clone into a new or empty directory`);
      await addRemote(repo, 'origin', url);
      added = true;
      const result = await cloneRepo(repo, await namedRemote(ctx, repo), progress);
      progress.end();
      ctx.io.stdout(`cloned ${result.heads.size} branch${result.heads.size === 1 ? '' : 'es'} (${result.objects} objects) into ${dir}`);
      return EXIT.ok;
    } catch (error) {
      progress.end();
      await undo(added ? repo : undefined);
      throw error;
    }
  },
};
