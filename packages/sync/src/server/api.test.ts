/** The REST API, the event feed, tokens and read-only mode over real HTTP. */
import { codecs, counter, defaultMerge } from '@grove/merge';
import { Repo } from '@grove/store';
import { get } from 'node:http';
import { describe, expect, it, onTestFinished } from 'vitest';
import { serveForTest, steppingClock } from '../testing/server.js';

async function call(url: string, method: string, path: string, body?: unknown, token?: string) {
  const response = await globalThis.fetch(new URL(path, url), {
    method,
    headers: { ...(token === undefined ? {} : { authorization: `Bearer ${token}` }), 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, any> };
}

/** The events of an SSE stream, one callback per `head` event, with the raw text kept. */
function listen(url: string) {
  const events: { branch: string; from: string | null; to: string | null }[] = [];
  const waiters: (() => void)[] = [];
  let text = '';
  const request = get(url, (res) => {
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      text += chunk;
      for (const m of chunk.matchAll(/^data: (.*)$/gm)) events.push(JSON.parse(m[1]!));
      for (const w of waiters.splice(0)) w();
    });
  });
  request.on('error', () => undefined);
  onTestFinished(() => {
    request.destroy();
  });
  const until = async (test: () => boolean) => {
    while (!test()) await new Promise<void>((resolve) => waiters.push(resolve));
  };
  return { events, until, text: () => text };
}

describe('the REST API', () => {
  it('answers 422 unknown-type for a value whose type the server does not know, naming the tag', async () => {
    const repo = Repo.memory({ clock: steppingClock() });
    await repo.branch('main').set(['score'], 'x', { type: defaultMerge(codecs.string, { tag: 'app/score@1' }) });
    const { url } = await serveForTest(new Repo(repo.backend));
    const answer = await call(url, 'GET', '/api/branches/main/values/score');
    expect(answer).toMatchObject({ status: 422, body: { code: 'unknown-type', message: expect.stringContaining('holds a app/score@1') } });
  });

  it('lists branches, reads the log, gets, puts and deletes values, merges', async () => {
    const repo = Repo.memory({ clock: steppingClock() });
    await repo.branch('main').set(['docs', 'readme'], 'hello');
    const { url } = await serveForTest(repo);
    expect(await call(url, 'PUT', '/api/branches/main/values/hits', { tag: counter.tag, value: '41' })).toMatchObject({ status: 200 });
    expect(await call(url, 'GET', '/api/branches/main/values/hits')).toMatchObject({ status: 200, body: { tag: counter.tag, value: '41' } });
    expect(await call(url, 'GET', '/api/branches/main/values/docs/readme')).toMatchObject({ body: { tag: 'text', value: 'hello' } });
    await repo.branch('main').fork('dev');
    await call(url, 'PUT', '/api/branches/dev/values/hits', { tag: counter.tag, value: '43', message: 'two more' });
    await call(url, 'PUT', '/api/branches/main/values/hits', { tag: counter.tag, value: '42' });
    expect((await call(url, 'POST', '/api/branches/main/merge', { from: 'dev' })).body.kind).toBe('merged');
    expect(await repo.branch('main').get(['hits'], counter)).toBe(44n);
    expect((await call(url, 'GET', '/api/branches')).body.branches.map((b: { name: string }) => b.name)).toEqual(['dev', 'main']);
    const log = await call(url, 'GET', '/api/branches/dev/log?limit=1');
    expect(log.body.commits).toEqual([expect.objectContaining({ message: 'two more\n' })]);
    expect(await call(url, 'DELETE', '/api/branches/main/values/docs/readme')).toMatchObject({ status: 200 });
    expect(await call(url, 'GET', '/api/branches/main/values/docs/readme')).toMatchObject({ status: 404, body: { code: 'not-found' } });
    await call(url, 'PUT', '/api/branches/dev/values/docs/readme', { tag: 'text', value: 'a' });
    await call(url, 'PUT', '/api/branches/main/values/docs/readme', { tag: 'text', value: 'b' });
    expect(await call(url, 'POST', '/api/branches/main/merge', { from: 'dev' })).toMatchObject({ status: 409, body: { kind: 'conflict' } });
  });

  it('feeds head changes as server-sent events, with heartbeats and resume from a commit', async () => {
    const repo = Repo.memory({ clock: steppingClock() });
    const first = (await repo.branch('main').set(['x'], '1')).hash;
    const { url } = await serveForTest(repo, { heartbeatMs: 20 });
    const live = listen(`${url}api/events?branch=main`);
    await live.until(() => live.text().includes(': watching'));
    const second = (await repo.branch('main').set(['x'], '2')).hash;
    await live.until(() => live.events.length === 1);
    expect(live.events).toEqual([{ branch: 'main', from: first, to: second }]);
    await live.until(() => live.text().includes(': heartbeat'));
    const resumed = listen(`${url}api/events?branch=main&from=${first}`);
    await resumed.until(() => resumed.events.length === 1);
    expect(resumed.events).toEqual([{ branch: 'main', from: first, to: second }]);
  });

  it('checks read and write tokens, and refuses writes when read-only', async () => {
    const repo = Repo.memory();
    await repo.branch('main').set(['x'], '1');
    const { url } = await serveForTest(repo, { readToken: 'r', writeToken: 'w' });
    expect(await call(url, 'GET', '/api/branches')).toMatchObject({ status: 401, body: { code: 'auth' } });
    expect(await call(url, 'GET', '/api/branches', undefined, 'nope')).toMatchObject({ status: 403, body: { code: 'auth' } });
    expect((await call(url, 'GET', '/api/branches', undefined, 'r')).status).toBe(200);
    expect((await call(url, 'GET', '/api/branches', undefined, 'w')).status).toBe(200);
    expect((await call(url, 'PUT', '/api/branches/main/values/x', { tag: 'text', value: '2' }, 'r')).status).toBe(403);
    expect((await call(url, 'PUT', '/api/branches/main/values/x', { tag: 'text', value: '2' }, 'w')).status).toBe(200);
    const ro = await serveForTest(repo, { readOnly: true });
    expect(await call(ro.url, 'PUT', '/api/branches/main/values/x', { tag: 'text', value: '3' })).toMatchObject({ status: 403, body: { code: 'read-only' } });
    expect(await repo.branch('main').get(['x'])).toBe('2');
  });
});
