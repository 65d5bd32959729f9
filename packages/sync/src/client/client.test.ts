/** The Grove client against a Grove server and against `git http-backend`. */
import { counter } from '@grove/merge';
import { Repo } from '@grove/store';
import { git, makeTempDir, removeTempDirs } from '@grove/store/testing';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitHttpBackend } from '../testing/http-backend.js';
import { fsck, gitOut, newRepo, serveForTest, steppingClock } from '../testing/server.js';
import { fetch } from './fetch.js';
import { clone, pull } from './pull.js';
import { push } from './push.js';
import { Remote } from './remote.js';

afterEach(removeTempDirs);

/** A served repository with `main` holding `count` commits, and a remote to it. */
async function served(kind: 'memory' | 'disk', count = 3) {
  const repo = await newRepo(kind, { clock: steppingClock() });
  for (let i = 0; i < count; i++) await repo.branch('main').set(['n', String(i % 5)], `v${i}`);
  const { url } = await serveForTest(repo);
  return { repo, remote: Remote.http('origin', url) };
}

describe.each(['memory', 'disk'] as const)('Grove client against a Grove server (%s)', (kind) => {
  it('clones, then fetches only the new objects into refs/remotes/origin/*', async () => {
    const { repo, remote } = await served(kind);
    const local = await newRepo(kind);
    const cloned = await clone(local, remote);
    expect(await local.branch('main').head()).toBe(await repo.branch('main').head());
    expect(await local.backend.refs.read('refs/remotes/origin/main')).toBe(await repo.branch('main').head());
    expect(cloned.objects).toBeGreaterThan(3);
    await repo.branch('main').set(['n', '0'], 'new');
    const fetched = await fetch(local, remote);
    expect(fetched.objects).toBe(4); // commit, root tree, n/, the blob
    expect(fetched.updated).toEqual([{ ref: 'refs/remotes/origin/main', from: await local.branch('main').head(), to: await repo.branch('main').head() }]);
    expect((await fetch(local, remote)).objects).toBe(0);
  });

  it('pulls with the types merges, and a conflict leaves the branch untouched', async () => {
    const { repo, remote } = await served(kind);
    await repo.branch('main').set(['hits'], 10n, { type: counter });
    const local = await newRepo(kind, { clock: steppingClock(2e12) });
    await clone(local, remote);
    await repo.branch('main').set(['hits'], 13n, { type: counter });
    await local.branch('main').set(['hits'], 15n, { type: counter });
    expect((await pull(local, remote, 'main')).merge?.kind).toBe('merged');
    expect(await local.branch('main').get(['hits'])).toBe(18n);
    await repo.branch('main').set(['n', '1'], 'theirs');
    await local.branch('main').set(['n', '1'], 'ours');
    const before = await local.branch('main').head();
    const result = await pull(local, remote, 'main');
    expect(result.merge).toMatchObject({ kind: 'conflict', conflicts: [{ path: ['n', '1'] }] });
    expect(await local.branch('main').head()).toBe(before);
  });

  it('pushes fast-forwards, sending only new objects; refuses a non-fast-forward unless forced', async () => {
    const { repo, remote } = await served(kind, 50);
    const local = await newRepo(kind, { clock: steppingClock(2e12) });
    await clone(local, remote);
    await local.branch('main').set(['n', '2'], 'pushed');
    const pushed = await push(local, remote, 'main');
    expect(pushed).toMatchObject({ kind: 'pushed', objects: 4 });
    expect(await repo.branch('main').head()).toBe(await local.branch('main').head());
    expect((await push(local, remote, 'main')).kind).toBe('up-to-date');

    await repo.branch('main').set(['n', '3'], 'server side');
    await local.branch('main').set(['n', '4'], 'local side');
    await expect(push(local, remote, 'main')).rejects.toMatchObject({ code: 'rejected' });
    await fetch(local, remote);
    await expect(push(local, remote, 'main')).rejects.toMatchObject({ code: 'rejected', message: /non-fast-forward/ });
    await push(local, remote, 'main', { force: true });
    expect(await repo.branch('main').head()).toBe(await local.branch('main').head());
  });

  it('racing pushes: exactly one wins, the other is refused, and after pull and push no commit is lost', async () => {
    const { repo, remote } = await served(kind);
    const replicas = await Promise.all([1, 2, 3].map(async (i) => {
      const r = await newRepo(kind, { clock: steppingClock(2e12 + i * 1e9) });
      await clone(r, remote);
      return r;
    }));
    const commits = await Promise.all(replicas.map(async (r, i) => (await r.branch('main').set(['r', String(i)], 'x')).hash));
    const outcomes = await Promise.allSettled(replicas.map((r) => push(r, remote, 'main')));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const r of replicas) {
      await pull(r, remote, 'main');
      await push(r, remote, 'main');
    }
    const log = new Set<string>();
    for await (const c of repo.branch('main').log()) log.add(c.hash);
    for (const c of commits) expect(log.has(c)).toBe(true);
  });
});

describe('Grove client against git http-backend', () => {
  it('clones, pushes and fetches; git fsck --strict passes on the served repository', async () => {
    const bare = join(makeTempDir(), 'served.git');
    git(makeTempDir(), ['init', '-q', '--bare', bare]);
    const work = join(makeTempDir(), 'work');
    git(makeTempDir(), ['init', '-q', '-b', 'main', work]);
    git(work, ['commit', '-q', '--allow-empty', '-m', 'one']);
    git(work, ['commit', '-q', '--allow-empty', '-m', 'two']);
    const url = await gitHttpBackend(bare);
    await gitOut(work, ['push', '-q', url, 'main']);

    for (const kind of ['memory', 'disk'] as const) {
      const remote = Remote.http('origin', url);
      const local = await newRepo(kind, { clock: steppingClock() });
      await clone(local, remote);
      expect(await local.branch('main').head()).toBe(git(bare, ['rev-parse', 'main']));
      await local.branch('main').update(async (tx) => {
        for (let i = 0; i < 40; i++) await tx.set(['from', kind, `f${i}`], `${kind} ${i}`);
      });
      await push(local, remote, 'main');
      await local.branch('main').set(['from', kind, 'f7'], `grove ${kind}`); // a thin delta against the tree git has
      const pushed = await push(local, remote, 'main');
      expect(pushed).toMatchObject({ kind: 'pushed', objects: 5 });
      expect(pushed.bytes).toBeLessThan(700); // the 40-entry tree went as a thin delta
      expect(git(bare, ['rev-parse', 'main'])).toBe(await local.branch('main').head());
      expect(git(bare, ['show', `main:from/${kind}/f7`])).toBe(`grove ${kind}`);
      await gitOut(work, ['pull', '-q', '--no-rebase', url, 'main']);
      git(work, ['commit', '-q', '--allow-empty', '-m', `after ${kind}`]);
      await gitOut(work, ['push', '-q', url, 'main']);
      expect((await pull(local, remote, 'main')).merge?.kind).toBe('fast-forward');
      expect(await local.branch('main').head()).toBe(git(work, ['rev-parse', 'HEAD']));
      if (local.backend.dir !== undefined) fsck(local.backend.dir);
    }
    fsck(bare);
  });

  it('sends tokens as Bearer or, with a user name, as Basic; a missing or wrong one is an auth error', async () => {
    const repo = Repo.memory();
    await repo.branch('main').set(['x'], '1');
    const { url } = await serveForTest(repo, { readToken: 'r', writeToken: 'w' });
    await expect(clone(Repo.memory(), Remote.http('origin', url))).rejects.toMatchObject({ code: 'auth', data: { status: 401 } });
    const local = Repo.memory();
    await clone(local, Remote.http('origin', url, { token: 'r' }));
    await local.branch('main').set(['x'], '2');
    await expect(push(local, Remote.http('origin', url, { token: 'r' }), 'main')).rejects.toMatchObject({ code: 'auth', data: { status: 403 } });
    await push(local, Remote.http('origin', url, { username: 'grove', token: 'w' }), 'main');
    expect(await repo.branch('main').get(['x'])).toBe('2');
  });
});
