/**
 * Input too big for the store (issue 12): a 3,000-segment value path used
 * to overflow the stack, a 3,000-character branch name to fail in the file
 * system with the server's path in the answer. Both are now 400 with the
 * limit in the message, and no answer ever names a server file.
 */
import { StoreError, type Repo } from '@grove/store';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { newRepo } from '../testing/server.js';
import { createGroveHandler } from './http-server.js';
import { errorResponse, scrubPaths } from './wire.js';

const value = Buffer.from(JSON.stringify({ tag: 'text', value: 'x' }));

function client(repo: Repo) {
  const handler = createGroveHandler(repo, {});
  return async (method: string, url: string) => {
    const response = await handler({ method, url, headers: { 'content-type': 'application/json' }, body: method === 'PUT' ? value : Buffer.alloc(0) });
    const text = Buffer.concat(response.body).toString('utf8');
    return { status: response.status, text, body: JSON.parse(text) as { code?: string; message?: string } };
  };
}

describe('big input over the REST API', () => {
  for (const kind of ['memory', 'disk'] as const) {
    it(`a 3,000-segment value path and a 3,000-character branch name get 400 naming the limit (${kind})`, async () => {
      const repo = await newRepo(kind);
      const send = client(repo);
      await repo.branch('main').set(['x'], 'v');
      const deep = Array.from({ length: 3000 }, () => 'a').join('/');
      for (const method of ['PUT', 'GET', 'DELETE']) {
        expect(await send(method, `/api/branches/main/values/${deep}`), method).toMatchObject({ status: 400, body: { code: 'invalid-path', message: expect.stringContaining('limit of 256') } });
        expect(await send(method, `/api/branches/main/values/${'s'.repeat(3000)}`), method).toMatchObject({ status: 400, body: { code: 'invalid-path', message: expect.stringContaining('limit of 255') } });
      }
      const long = 'b'.repeat(3000);
      for (const [method, url] of [['PUT', `/api/branches/${long}/values/x`], ['GET', `/api/branches/${long}/log`], ['POST', `/api/branches/main/merge`]] as const) {
        const response = await (method === 'POST'
          ? createGroveHandler(repo, {})({ method, url, headers: { 'content-type': 'application/json' }, body: Buffer.from(JSON.stringify({ from: long })) }).then((r) => ({ status: r.status, body: JSON.parse(Buffer.concat(r.body).toString('utf8')) as unknown }))
          : send(method, url));
        expect(response, url.slice(0, 30)).toMatchObject({ status: 400, body: { code: 'invalid-ref', message: expect.stringContaining('at most 255 UTF-8 bytes') } });
      }
      expect(await repo.branches()).toEqual(['main']);
    });
  }

  it('a Grove error naming a server file is answered without the path', async () => {
    const repo = await newRepo('disk');
    const dir = repo.backend.dir ?? '';
    expect(dir).toMatch(/^\//);
    await repo.branch('main').set(['x'], 'v');
    writeFileSync(join(dir, 'refs', 'heads', 'main'), 'garbage\n');
    const answer = await client(repo)('GET', '/api/branches/main/log');
    expect(answer).toMatchObject({ status: 500, body: { code: 'corrupt-ref', message: expect.stringContaining('<server path>') } });
    expect(answer.text).not.toContain(dir);
  });
});

describe('errorResponse', () => {
  it('reports an unexpected error to the operator on repo.failures while the client gets a generic 500', async () => {
    const repo = await newRepo('memory');
    const broken = new Error('disk on fire at /srv/grove/objects');
    repo.backend.refs.list = () => Promise.reject(broken);
    const answer = await client(repo)('GET', '/api/branches');
    expect(answer).toMatchObject({ status: 500, body: { code: 'internal' } });
    expect(JSON.stringify(answer.body)).not.toContain('/srv/grove');
    expect(repo.failures.drain().failures).toEqual([expect.objectContaining({ source: 'server', error: broken, message: expect.stringContaining('GET /api/branches failed') })]);
  });

  it('answers an unexpected error with 500 and a generic message, never its text', () => {
    const fsError = Object.assign(new Error("ENAMETOOLONG: name too long, open '/srv/grove/data/refs/heads/bbbb'"), { code: 'ENAMETOOLONG' });
    for (const error of [fsError, new RangeError('Maximum call stack size exceeded'), 'a string']) {
      const response = errorResponse(error);
      const body = JSON.parse(Buffer.concat(response.body).toString('utf8')) as { code: string; message: string };
      expect(response.status).toBe(500);
      expect(body).toMatchObject({ code: 'internal', message: expect.stringContaining('the server failed') });
      expect(body.message).not.toMatch(/srv|ENAMETOOLONG|Maximum/);
    }
  });

  it('scrubs POSIX and Windows file paths from messages but keeps the routes it serves', () => {
    expect(scrubPaths("open '/srv/grove/refs/heads/x' failed, see C:\\grove\\data\\x.lock")).toBe("open '<server path>' failed, see <server path>");
    expect(scrubPaths('no endpoint GET /api/branches/a/nope; POST /git-receive-pack needs Content-Type; a/b and refs/heads/x stay')).toBe('no endpoint GET /api/branches/a/nope; POST /git-receive-pack needs Content-Type; a/b and refs/heads/x stay');
    const response = errorResponse(new StoreError('corrupt-object', 'pack index /var/lib/grove/objects/pack/p.idx is corrupt'));
    expect(Buffer.concat(response.body).toString('utf8')).not.toContain('/var/lib');
  });
});
