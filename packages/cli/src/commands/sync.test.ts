/** The sync commands: clone, remote, fetch, pull, push and serve, against a Grove server in this process. */
import { Repo } from '@grove/store';
import { serve } from '@grove/sync';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { run } from '../run.js';
import { grove, newRepo, session, tempDir } from '../testing/harness.js';

async function server() {
  const repo = Repo.memory();
  await repo.branch('main').set(['docs', 'title'], 'hello');
  const running = await serve(repo);
  onTestFinished(() => running.close());
  return { repo, url: running.url };
}

describe('grove clone, remote, fetch, pull, push', () => {
  it('clones, pushes, fetches and pulls; a non-fast-forward push exits 1 unless --force', async () => {
    const { repo, url } = await server();
    const cwd = tempDir();
    const cloned = await grove(cwd, 'clone', url, 'copy');
    expect(cloned).toMatchObject({ code: 0, out: [expect.stringMatching(/^cloned 1 branch \(\d+ objects\) into .*copy$/)], err: [] });
    const dir = join(cwd, 'copy');
    expect((await grove(dir, 'get', 'docs/title')).out).toEqual(['hello']);
    expect((await grove(dir, 'remote', 'list')).out).toEqual([`origin ${url}`]);
    expect(spawnSync('git', ['remote', '-v'], { cwd: dir, encoding: 'utf8' }).stdout).toContain(`origin\t${url} (fetch)`);

    const head = (await grove(dir, 'set', 'docs/title', 'from cli')).out[0]!;
    expect((await grove(dir, 'push')).out).toEqual([expect.stringMatching(new RegExp(`^pushed [0-9a-f]{40}\\.\\.${head} refs/heads/main$`))]);
    expect(await repo.branch('main').get(['docs', 'title'])).toBe('from cli');

    const theirs = (await repo.branch('main').set(['docs', 'other'], 'server')).hash;
    expect((await grove(dir, 'fetch')).out).toEqual([`${head}..${theirs} refs/remotes/origin/main`]);
    expect((await grove(dir, 'pull', 'origin', 'main')).out).toEqual([`fast-forward ${theirs}`]);

    await repo.branch('main').set(['docs', 'title'], 'server again');
    await grove(dir, 'set', 'docs/title', 'local again');
    const refused = await grove(dir, 'push');
    expect(refused.code).toBe(1);
    expect(refused.err[0]).toMatch(/^grove: push of main to .* refused/);
    const conflict = await grove(dir, 'pull');
    expect(conflict.code).toBe(1);
    expect(conflict.out).toEqual([expect.stringMatching(/^docs\/title both-modified/)]);
    expect((await grove(dir, 'push', '--force')).code).toBe(0);
    expect(await repo.branch('main').get(['docs', 'title'])).toBe('local again');
  });

  it('adds and removes remotes, and explains missing ones and unreachable servers', async () => {
    const dir = await newRepo();
    expect(await grove(dir, 'remote', 'add', 'down', 'http://127.0.0.1:1/')).toEqual({ code: 0, out: [], err: [] });
    expect((await grove(dir, 'fetch', 'down')).err[0]).toMatch(/^grove: cannot reach http:\/\/127\.0\.0\.1:1\//);
    expect((await grove(dir, 'remote', 'remove', 'down')).code).toBe(0);
    expect(await grove(dir, 'fetch')).toMatchObject({ code: 2, err: ['grove: no remote "origin"; add it with grove remote add NAME URL'] });
    expect(await grove(dir, 'push', 'nosuchremote')).toEqual({ code: 2, out: [], err: ['grove: no remote "nosuchremote"; add it with grove remote add NAME URL'] });
    expect((await grove(dir, 'remote', 'frob')).code).toBe(2);
  });

  it('a failed clone removes what it created, never a directory that was there, so a retry fails the same way', async () => {
    const cwd = tempDir();
    const closed = 'http://127.0.0.1:1/';
    const unreachable = { code: 2, out: [], err: [expect.stringMatching(/^grove: cannot reach http:\/\/127\.0\.0\.1:1\//)] };
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(await grove(cwd, 'clone', closed, 'new/nested')).toEqual(unreachable);
      expect(existsSync(join(cwd, 'new'))).toBe(false);
    }
    mkdirSync(join(cwd, 'empty'));
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(await grove(cwd, 'clone', closed, 'empty')).toEqual(unreachable);
      expect(readdirSync(join(cwd, 'empty'))).toEqual([]);
    }
    const initialised = await newRepo();
    for (let attempt = 0; attempt < 2; attempt++) {
      expect(await grove(cwd, 'clone', closed, initialised)).toEqual(unreachable);
      expect((await grove(initialised, 'remote', 'list')).out).toEqual([]);
    }
    expect((await grove(initialised, 'set', 'x', '1')).code).toBe(0);
  });
});

describe('progress', () => {
  it('draws a progress line only when the io has a terminal (io.progress), and stays quiet otherwise', async () => {
    const { url } = await server();
    const cwd = tempDir();
    const drawn: string[] = [];
    const { io, err } = session(cwd);
    expect(await run(['clone', url, 'a'], { ...io, progress: (line) => drawn.push(line) })).toBe(0);
    expect(drawn[0]).toMatch(/^receiving: \d+ objects, \d+ B$/);
    expect(drawn.at(-1)).toBe('\n');
    expect(err.all).toEqual([]);
    const quiet = await grove(cwd, 'clone', url, 'b');
    expect(quiet.err).toEqual([]);
    expect(quiet.out).toHaveLength(1);
  });
});

describe('grove serve', () => {
  it('serves until stopped, so that grove clone works against it', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'x', '1');
    const stop = new AbortController();
    const { io, out, err } = session(dir, { signal: stop.signal });
    const serving = run(['serve', '--port', '0'], io);
    const url = await out.waitFor(/^http:\/\/\S+$/);
    expect(await err.waitFor(/serving/)).toMatch(/^grove: serving \S+ at the URL above; press Ctrl-C to stop$/);
    const cwd = tempDir();
    expect((await grove(cwd, 'clone', url, 'copy')).code).toBe(0);
    expect((await grove(join(cwd, 'copy'), 'get', 'x')).out).toEqual(['1']);
    stop.abort();
    expect(await serving).toBe(0);
  });

  it('--token guards reads and writes; clients pass it with --token or $GROVE_TOKEN; --read-only refuses pushes', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'x', '1');
    const stop = new AbortController();
    const { io, out } = session(dir, { signal: stop.signal });
    const serving = run(['serve', '--port', '0', '--token', 'secret'], io);
    const url = await out.waitFor(/^http:/);
    const cwd = tempDir();
    const refused = await grove(cwd, 'clone', url, 'a');
    expect(refused.code).toBe(2);
    expect(refused.err[0]).toMatch(/^grove: .* refused git-upload-pack \(401: this server needs a read token/);
    expect((await grove(cwd, 'clone', url, 'b', '--token', 'secret')).code).toBe(0);
    const { io: envIo } = session(join(cwd, 'b'), { env: { GROVE_TOKEN: 'secret' } });
    expect(await run(['set', 'x', '2'], envIo)).toBe(0);
    expect(await run(['push'], envIo)).toBe(0);
    stop.abort();
    expect(await serving).toBe(0);

    const stopRo = new AbortController();
    const ro = session(dir, { signal: stopRo.signal });
    const servingRo = run(['serve', '--port', '0', '--read-only'], ro.io);
    const roUrl = await ro.out.waitFor(/^http:/);
    expect((await grove(cwd, 'clone', roUrl, 'c')).code).toBe(0);
    await grove(join(cwd, 'c'), 'set', 'x', '3');
    const pushed = await grove(join(cwd, 'c'), 'push');
    expect(pushed.code).toBe(2);
    expect(pushed.err).toEqual([expect.stringMatching(/^grove: http:\S+ is read-only: it refused git-receive-pack \(403\), and no token changes that; push to a server started without --read-only$/)]);
    stopRo.abort();
    expect(await servingRo).toBe(0);
  });
});
