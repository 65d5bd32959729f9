/**
 * Git histories for the sync suites, built with `git fast-import` from a
 * fixed recipe (commit i changes `f/<i mod 100>`), so every build of the
 * same length has the same commit ids; and the two servers under test, a
 * Grove server and `git http-backend`, serving the same directory.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Repo } from '@grove/store';
import { serve, type RunningServer } from '@grove/sync';
import { startGitHttpBackend, type GitHttpBackend } from '@grove/sync/testing';
import { git } from './git-cli.js';

/** The fast-import stream of `count` commits on `refs/heads/main`. */
function recipe(count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    const content = `value ${i}\n`;
    const message = `commit ${i}\n`;
    parts.push(
      'commit refs/heads/main',
      `committer Bench <bench@example.com> ${1_700_000_000 + i} +0000`,
      `data ${message.length}`,
      message.slice(0, -1),
      `M 100644 inline f/${i % 100}`,
      `data ${content.length}`,
      content.slice(0, -1),
      '',
    );
  }
  return `${parts.join('\n')}\n`;
}

/** A new bare repository `dir` holding `count` commits on main (pushes over HTTP enabled); resolves to the head. */
export async function buildHistory(dir: string, count: number): Promise<string> {
  await mkdir(dir, { recursive: true });
  await git(['init', '-q', '--bare', dir]);
  await git(['-C', dir, 'config', 'http.receivepack', 'true']);
  if (count > 0) await git(['-C', dir, 'fast-import', '--quiet'], recipe(count));
  return count > 0 ? (await git(['-C', dir, 'rev-parse', 'main'])).toString().trim() : '';
}

/** One more commit on top of `dir`'s main, adding `f/<label>`, made with git; resolves to its id. */
export async function addCommit(dir: string, label: string): Promise<string> {
  const content = `${label}\n`;
  const stream = ['commit refs/heads/main', 'committer Bench <bench@example.com> 1800000000 +0000', `data ${label.length}`, label, 'from refs/heads/main^0', `M 100644 inline f/${label}`, `data ${content.length}`, content].join('\n');
  await git(['-C', dir, 'fast-import', '--quiet'], stream);
  return (await git(['-C', dir, 'rev-parse', 'main'])).toString().trim();
}

/** Both servers over the repositories under `root`: Grove's (one repository, `dir`) and `git http-backend`. */
export interface Servers {
  readonly grove: RunningServer;
  readonly git: GitHttpBackend;
  close(): Promise<void>;
}

/** Starts a Grove server on `root/name` and `git http-backend` on `root`. */
export async function startServers(root: string, name: string): Promise<Servers> {
  const grove = await serve(await Repo.open(join(root, name), { create: false }));
  const backend = await startGitHttpBackend(root);
  return { grove, git: backend, close: async () => void (await Promise.all([grove.close(), backend.close()])) };
}
