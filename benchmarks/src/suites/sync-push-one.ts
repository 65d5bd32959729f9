/**
 * Pushing one new commit to a repository of N commits: time, and bytes
 * sent. The check asserts that Grove sends exactly the new objects (the
 * commit, the two trees on the changed path, the new blob) and prints the
 * request bytes of both clients.
 */
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { Repo } from '@grove/store';
import { push, Remote } from '@grove/sync';
import type { Suite, Tier } from '../harness/suite.js';
import { git } from '../workloads/git-cli.js';
import { sizeLabel } from '../workloads/inputs.js';
import { addCommit, buildHistory, startServers, type Servers } from '../workloads/sync-history.js';
import { makeTempDir, removeDir } from '../workloads/temp-dir.js';

export function syncPushOneSuite({ tier, commits }: { readonly tier: Tier; readonly commits: number }): Suite {
  const gitCase = `git push of 1 commit to a ${sizeLabel(commits)}-commit repository (git http-backend)`;
  const groveCase = `Grove push of 1 commit to a ${sizeLabel(commits)}-commit repository (Grove server)`;
  let root: string;
  let servers: Servers | undefined;
  let run = 0;
  const base = () => join(root, 'base.git');
  const local = () => join(root, 'local.git');

  /** A fresh copy of the N-commit repository, served by both servers. */
  const freshRemote = async () => {
    await servers?.close();
    const name = `remote-${run++}.git`;
    await cp(base(), join(root, name), { recursive: true });
    servers = await startServers(root, name);
    return { servers, name };
  };

  return {
    name: `sync-push-one-${sizeLabel(commits)}`,
    tier,
    unit: 'pushes',
    minSamples: 5,
    async setup() {
      root = await makeTempDir('sync-push-one');
      await buildHistory(base(), commits);
      await cp(base(), local(), { recursive: true });
      await addCommit(local(), 'new');
    },
    async check() {
      const head = (await git(['-C', local(), 'rev-parse', 'main'])).toString().trim();
      const grove = await freshRemote();
      const result = await push(await Repo.open(local()), Remote.http('origin', grove.servers.grove.url), 'main');
      if (result.objects !== 4) throw new Error(`Grove sent ${result.objects} objects for one commit; the new ones are 4 (commit, root tree, f/, blob)`);
      const landed = (await git(['-C', join(root, grove.name), 'rev-parse', 'main'])).toString().trim();
      if (landed !== head) throw new Error(`the remote's main is ${landed}, expected ${head}`);
      const peer = await freshRemote();
      const before = peer.servers.git.received();
      await git(['-C', local(), 'push', '-q', `${peer.servers.git.url}${peer.name}`, 'main']);
      console.log(`bytes sent for one commit onto ${sizeLabel(commits)}: Grove pack ${result.bytes} B (${result.objects} objects); git push request bodies ${peer.servers.git.received() - before} B`);
    },
    cases: [
      {
        name: gitCase,
        kind: 'manual',
        async prepare() {
          const { servers: s, name } = await freshRemote();
          return () => git(['-C', local(), 'push', '-q', `${s.git.url}${name}`, 'main']);
        },
      },
      {
        name: groveCase,
        kind: 'manual',
        async prepare() {
          const { servers: s } = await freshRemote();
          const repo = await Repo.open(local());
          return () => push(repo, Remote.http('origin', s.grove.url), 'main');
        },
      },
    ],
    anchor: gitCase,
    target: { case: groveCase, measure: 'speed', direction: 'at-least', value: 1 / 1.5, description: `one-commit push to ${sizeLabel(commits)} commits within 1.5x of git` },
    async teardown() {
      await servers?.close();
      await removeDir(root);
    },
  };
}
