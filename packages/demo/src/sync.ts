/**
 * Demo part: two replicas syncing through a local Grove server. Each writes
 * while replication runs in the background; the server's live feed tells
 * the other replica, which pulls and merges by type; plain `git clone`
 * reads the same server.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { counter } from '@grove/merge';
import { Repo } from '@grove/store';
import { clone, Remote, replicate, serve } from '@grove/sync';

/** Resolves once every repository's `main` holds the same head. */
async function converged(repos: readonly Repo[]): Promise<void> {
  for (;;) {
    const unsubscribe: (() => void)[] = [];
    const moved = new Promise<void>((resolve) => unsubscribe.push(...repos.map((r) => r.onRefMoved('refs/heads/main', resolve))));
    const heads = await Promise.all(repos.map((r) => r.branch('main').head()));
    if (new Set(heads).size === 1) return unsubscribe.forEach((u) => u());
    await moved;
    unsubscribe.forEach((u) => u());
  }
}

export async function syncDemo(log: (line: string) => void): Promise<void> {
  let now = Date.UTC(2026, 10, 28, 10, 0);
  const clock = () => (now += 1000);
  const hub = Repo.memory({ clock });
  await hub.branch('main').set(['stats', 'visits'], 10n, { type: counter, message: 'start counting' });
  const server = await serve(hub);
  log(`\nGrove server at ${server.url} (git smart HTTP, REST under /api, live feed at /api/events)`);

  const [alice, bob] = await Promise.all(
    ['Alice', 'Bob'].map(async (name) => {
      const repo = Repo.memory({ clock, author: { name, email: `${name.toLowerCase()}@example.com` } });
      await clone(repo, Remote.http('origin', server.url));
      return repo;
    }),
  );
  const replications = [alice!, bob!].map((repo) => replicate(repo, Remote.http('origin', server.url), { branches: ['main'] }));
  for (const repo of [alice!, bob!]) repo.failures.subscribe((f) => log(`  reminder from replication: ${f.message}`));
  await Promise.all(replications.map((r) => r.idle()));

  await alice!.branch('main').set(['stats', 'visits'], 13n, { type: counter, message: '3 visits seen by Alice' });
  await bob!.branch('main').set(['stats', 'visits'], 15n, { type: counter, message: '5 visits seen by Bob' });
  await bob!.branch('main').set(['docs', 'note'], 'written by Bob\n', { message: 'a note' });
  log('Alice adds 3 visits, Bob adds 5 and a note, each on their own replica, concurrently');

  // Replication pushes, the feed announces, the other side pulls and merges: wait until all hold the same head.
  await converged([hub, alice!, bob!]);
  log(`converged: visits = ${await alice!.branch('main').get(['stats', 'visits'], counter)} on Alice, ${await bob!.branch('main').get(['stats', 'visits'], counter)} on Bob (10 + 3 + 5)`);
  log(`Alice reads Bob's note: ${JSON.stringify(await alice!.branch('main').get(['docs', 'note']))}`);
  await Promise.all(replications.map((r) => r.stop()));

  const dir = mkdtempSync(join(tmpdir(), 'grove-demo-clone-'));
  const git = promisify(execFile); // not execFileSync: the server runs in this process
  await git('git', ['clone', '-q', server.url, dir]);
  log('git clone of the same server, `git log`:');
  for (const line of (await git('git', ['log', '--format=%h %an: %s'], { cwd: dir })).stdout.trim().split('\n')) log(`  ${line}`);
  rmSync(dir, { recursive: true, force: true });
  await server.close();
}
