/**
 * Clone, fetch and push of N commits over HTTP on loopback: the Grove client
 * with the Grove server against `git` with `git http-backend`, the same
 * history served from the same directory. Clone is `git clone --bare` vs
 * `clone` into a new disk repository; fetch is the first fetch into an
 * empty repository; push is of all N commits into an empty repository.
 */
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { Repo } from '@grove/store';
import { clone, fetch, push, Remote } from '@grove/sync';
import type { Suite, Tier } from '../harness/suite.js';
import { sizeLabel } from '../workloads/inputs.js';
import { git } from '../workloads/git-cli.js';
import { buildHistory, startServers, type Servers } from '../workloads/sync-history.js';
import { freshDir, makeTempDir, removeDir } from '../workloads/temp-dir.js';

export type Operation = 'clone' | 'fetch' | 'push';

export interface TransferSizes {
  readonly tier: Tier;
  readonly operation: Operation;
  readonly commits: number;
}

export function syncTransferSuite({ tier, operation, commits }: TransferSizes): Suite {
  const gitCase = `git + git http-backend: ${operation} ${sizeLabel(commits)} commits`;
  const groveCase = `Grove client + Grove server: ${operation} ${sizeLabel(commits)} commits`;
  let root: string;
  let head: string;
  let servers: Servers | undefined;
  let run = 0;
  const source = () => join(root, 'source.git');
  const empty = () => join(root, 'empty.git');

  /** For push: a fresh empty remote served by both servers; for clone and fetch: the source. */
  const serveTarget = async (): Promise<{ grove: string; git: string; remoteDir: string }> => {
    await servers?.close();
    const name = operation === 'push' ? `remote-${run++}.git` : 'source.git';
    if (operation === 'push') await cp(empty(), join(root, name), { recursive: true });
    servers = await startServers(root, name);
    return { grove: servers.grove.url, git: `${servers.git.url}${name}`, remoteDir: join(root, name) };
  };

  const groveOnce = async (url: string, target: string): Promise<string | undefined> => {
    if (operation === 'push') {
      await push(await Repo.open(source()), Remote.http('origin', url), 'main');
      return (await git(['-C', target, 'rev-parse', 'main'])).toString().trim();
    }
    const repo = await Repo.open(target);
    if (operation === 'clone') await clone(repo, Remote.http('origin', url));
    else await fetch(repo, Remote.http('origin', url));
    return repo.backend.refs.read(operation === 'clone' ? 'refs/heads/main' : 'refs/remotes/origin/main');
  };
  const gitOnce = async (url: string, target: string): Promise<void> => {
    if (operation === 'clone') await git(['clone', '-q', '--bare', url, target]);
    else if (operation === 'fetch') await git(['-C', target, 'fetch', '-q', url, '+refs/heads/*:refs/remotes/origin/*']);
    else await git(['-C', source(), 'push', '-q', url, 'main']);
  };
  const prepareTarget = async (name: string): Promise<string> => {
    const target = await freshDir(root, name);
    if (operation === 'fetch') await git(['init', '-q', '--bare', target]);
    return target;
  };

  return {
    name: `sync-${operation}-${sizeLabel(commits)}`,
    tier,
    unit: 'runs',
    minSamples: 3,
    async setup() {
      root = await makeTempDir(`sync-${operation}`);
      head = await buildHistory(source(), commits);
      await buildHistory(empty(), 0);
    },
    async check() {
      const { grove, remoteDir } = await serveTarget();
      const groveTarget = await prepareTarget('check-grove');
      const got = await groveOnce(grove, operation === 'push' ? remoteDir : groveTarget);
      if (got !== head) throw new Error(`Grove ${operation}: main is ${got}, expected ${head}`);
      await git(['-C', operation === 'push' ? remoteDir : groveTarget, 'fsck', '--strict', '--no-dangling']);
      const peer = await serveTarget();
      const gitTarget = await prepareTarget('check-git');
      await gitOnce(peer.git, gitTarget);
      const fromGit = (await git(['-C', operation === 'push' ? peer.remoteDir : gitTarget, 'rev-parse', operation === 'fetch' ? 'refs/remotes/origin/main' : 'main'])).toString().trim();
      if (fromGit !== head) throw new Error(`git ${operation}: main is ${fromGit}, expected ${head}`);
    },
    cases: [
      {
        name: gitCase,
        kind: 'manual',
        async prepare() {
          const { git: url } = await serveTarget();
          const target = await prepareTarget('git-target');
          return () => gitOnce(url, target);
        },
      },
      {
        name: groveCase,
        kind: 'manual',
        async prepare() {
          const { grove: url, remoteDir } = await serveTarget();
          const target = operation === 'push' ? remoteDir : await prepareTarget('grove-target');
          return () => groveOnce(url, target);
        },
      },
    ],
    anchor: gitCase,
    target: { case: groveCase, measure: 'speed', direction: 'at-least', value: 1 / 1.5, description: `${operation} of ${sizeLabel(commits)} commits within 1.5x of git + git http-backend` },
    async teardown() {
      await servers?.close();
      await removeDir(root);
    },
  };
}
