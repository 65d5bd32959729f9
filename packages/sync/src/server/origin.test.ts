/** A web page cannot write to a Grove server: forged cross-site requests are refused over real HTTP, real clients still push. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Repo } from '@grove/store';
import { git, GIT_ENV, makeTempDir, removeTempDirs } from '@grove/store/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { FLUSH, pktLine } from '../protocol/pkt-line.js';
import { gitOut, serveForTest, steppingClock } from '../testing/server.js';

afterEach(removeTempDirs);

/** An open server (no token, the default) and a receive-pack body that moves main to a new commit. */
async function openServerAndPush() {
  const repo = Repo.memory({ clock: steppingClock() });
  const main = repo.branch('main');
  await main.set(['a'], 'one');
  await (await repo.branch('main').fork('draft')).set(['b'], 'two');
  const { url } = await serveForTest(repo);
  const work = join(makeTempDir(), 'clone');
  await gitOut(makeTempDir(), ['clone', '-q', url, work]);
  execFileSync('sh', ['-c', 'echo three > c && git add c && git commit -qm three'], { cwd: work, env: GIT_ENV });
  const [old, next] = [(await main.head())!, git(work, ['rev-parse', 'HEAD']).trim()];
  const pack = execFileSync('git', ['pack-objects', '--stdout', '--revs', '-q'], { cwd: work, env: GIT_ENV, input: `${next}\n^${old}\n` });
  const body = Buffer.concat([pktLine(`${old} ${next} refs/heads/main\0report-status\n`), FLUSH, pack]);
  const host = new URL(url).host;
  const post = (path: string, payload: string | Buffer, headers: Record<string, string>) => globalThis.fetch(new URL(path, url), { method: 'POST', headers, body: payload });
  return { main, work, url, host, body, next, post };
}

describe('an open server and web pages', () => {
  it('refuses a forged push (text/plain, another Origin, Sec-Fetch-Site cross-site) and takes the same body from its own origin', async () => {
    const { main, host, body, next, post } = await openServerAndPush();
    const before = await main.head();
    const refused = [
      { 'content-type': 'text/plain', origin: 'http://evil.example' },
      { 'content-type': 'text/plain' },
      { 'content-type': 'application/x-git-receive-pack-request', origin: 'http://evil.example' },
      { 'content-type': 'application/x-git-receive-pack-request', origin: 'null' },
      { 'content-type': 'application/x-git-receive-pack-request', 'sec-fetch-site': 'cross-site' },
      { 'content-type': 'application/x-git-receive-pack-request', 'sec-fetch-site': 'same-site' },
    ];
    for (const headers of refused) {
      const response = await post('/git-receive-pack', body, headers);
      expect([response.status, ((await response.json()) as { code: string }).code], JSON.stringify(headers)).toEqual(
        headers['content-type'] === 'text/plain' && headers.origin === undefined ? [415, 'unsupported-media-type'] : [403, 'forbidden'],
      );
    }
    expect(await main.head()).toBe(before);
    const own = await post('/git-receive-pack', body, { 'content-type': 'application/x-git-receive-pack-request', origin: `http://${host}`, 'sec-fetch-site': 'same-origin' });
    expect(own.status).toBe(200);
    expect(await main.head()).toBe(next);
  });

  it('refuses a forged REST merge and write, and takes them as JSON', async () => {
    const { main, post, url } = await openServerAndPush();
    const before = await main.head();
    const merge = JSON.stringify({ from: 'draft' });
    expect((await post('/api/branches/main/merge', merge, { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post('/api/branches/main/merge', merge, { 'content-type': 'application/json', origin: 'http://evil.example' })).status).toBe(403);
    const put = await globalThis.fetch(new URL('/api/branches/main/values/x', url), { method: 'PUT', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ tag: 'text', value: 'x' }) });
    expect(put.status).toBe(415);
    expect(await main.head()).toBe(before);
    expect((await post('/api/branches/main/merge', merge, { 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
    expect(await main.head()).not.toBe(before);
  });

  it('lets git push, as git sends its own content type and no Origin', async () => {
    const { main, work, next } = await openServerAndPush();
    await gitOut(work, ['push', '-q', 'origin', 'HEAD:main']);
    expect(await main.head()).toBe(next);
  });
});
