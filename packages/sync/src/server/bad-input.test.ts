/**
 * Bad input to every endpoint: malformed pkt-lines, truncated or lying
 * packs, huge bodies, path traversal, bad or missing tokens. Each gets a
 * 4xx `{ code, message }`, nothing crashes, and nothing stored changes.
 */
import { Repo, type Backend } from '@grove/store';
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clone } from '../client/pull.js';
import { Remote } from '../client/remote.js';
import { encodePack } from '../protocol/pack-encode.js';
import { FLUSH, pktLine } from '../protocol/pkt-line.js';
import { serveForTest } from '../testing/server.js';
import { inProcess } from '../transport/in-process.js';
import { createGroveHandler } from './http-server.js';
import type { ServerOptions } from './handler.js';

/** A served repository that counts object writes and ref moves. */
async function guarded(options: ServerOptions = {}) {
  const inner = Repo.memory().backend;
  let writes = 0;
  const backend: Backend = {
    objects: {
      read: (h) => inner.objects.read(h),
      has: (h) => inner.objects.has(h),
      writeMany: (o) => {
        writes += o.length;
        return inner.objects.writeMany(o);
      },
    },
    refs: {
      read: (r) => inner.refs.read(r),
      list: (p) => inner.refs.list(p),
      compareAndSet: (r, e, n) => {
        writes++;
        return inner.refs.compareAndSet(r, e, n);
      },
    },
  };
  const repo = new Repo(inner);
  await repo.branch('main').set(['x'], 'v');
  const head = (await repo.branch('main').head())!;
  const guardedRepo = new Repo(backend);
  const handler = createGroveHandler(guardedRepo, options);
  const send = async (method: string, url: string, body: Buffer = Buffer.alloc(0), headers: Record<string, string> = {}) => {
    const service = /\/(git-[a-z-]+)$/.exec(url)?.[1];
    const type = service === undefined ? 'application/json' : `application/x-${service}-request`;
    const response = await handler({ method, url, headers: { 'content-type': type, ...headers }, body });
    const text = Buffer.concat(response.body).toString('utf8');
    return { status: response.status, body: response.headers['content-type']?.startsWith('application/json') ? (JSON.parse(text) as { code?: string; message?: string }) : text };
  };
  return { repo: guardedRepo, head, send, handler, writes: () => writes };
}

const command = (head: string, next: string) => pktLine(`${head} ${next} refs/heads/main\0report-status\n`);
const withChecksum = (body: Buffer) => Buffer.concat([body, createHash('sha1').update(body).digest()]);

describe('bad input', () => {
  it('reserved and ambiguous names, invalid UTF-8 bodies and HEAD requests get clear answers', async () => {
    const { send, writes } = await guarded();
    const text = (value: string) => Buffer.from(JSON.stringify({ tag: 'text', value }));
    for (const url of ['/api/branches/HEAD/values/x', '/api/branches/refs%2Fheads%2Fmain/values/x', '/api/branches/main/values/.grove', '/api/branches/main/values/a/.grove']) {
      const r = await send('PUT', url, text('x'));
      expect([r.status, (r.body as { code: string }).code], url).toEqual([400, expect.stringMatching(/^invalid-(ref|path)$/)]);
    }
    const badUtf8 = Buffer.concat([Buffer.from('{"tag":"text","value":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]);
    expect(await send('PUT', '/api/branches/main/values/x', badUtf8)).toMatchObject({ status: 400, body: { code: 'bad-request', message: expect.stringContaining('not valid UTF-8') } });
    expect(await send('PUT', '/api/branches/main/values/x', Buffer.from('{"tag":"text","value":"\\ud800"}'))).toMatchObject({ status: 400, body: { code: 'encode-error' } });
    expect((await send('HEAD', '/api/branches')).status).toBe(200);
    expect(writes()).toBe(0);
  });

  it('malformed pkt-lines and requests on the Git endpoints get 400', async () => {
    const { send, head, writes } = await guarded();
    for (const body of ['zzzz', '0003', '00', 'ffff' + 'x'.repeat(10), '0009want', `0032want ${head}\n`.slice(0, 20), pktLine('shallow x\n').toString()]) {
      const up = await send('POST', '/git-upload-pack', Buffer.from(body));
      expect(up.status, body).toBe(400);
      expect(up.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
      expect((await send('POST', '/git-receive-pack', Buffer.from(body))).status, body).toBe(400);
    }
    expect((await send('POST', '/git-upload-pack', Buffer.concat([pktLine(`want ${'1'.repeat(40)}\n`), FLUSH, pktLine('done\n')]))).status).toBe(404);
    expect((await send('GET', '/info/refs?service=git-evil')).status).toBe(404);
    expect(writes()).toBe(0);
  });

  it('truncated, altered and lying packs are rejected whole; nothing is stored', async () => {
    const { send, head, repo, writes } = await guarded();
    const commit = `tree 4b825dc642cb6eb9a060e54bf8d69288fbee4904\nparent ${head}\nauthor A <a@x> 1 +0000\ncommitter A <a@x> 1 +0000\n\nx\n`;
    const object = { hash: createHash('sha1').update(`commit ${commit.length}\0${commit}`).digest('hex'), type: 'commit' as const, payload: Buffer.from(commit) };
    const pack = Buffer.concat(encodePack([{ object }]));
    const push = (p: Buffer) => send('POST', '/git-receive-pack', Buffer.concat([command(head, object.hash), FLUSH, p]));
    const header = pack.subarray(0, 12);
    const lying = [
      pack.subarray(0, pack.length - 5), // truncated
      Buffer.concat([pack.subarray(0, 20), Buffer.from([pack[20]! ^ 1]), pack.subarray(21)]), // altered, checksum stale
      withChecksum(Buffer.concat([header.subarray(0, 8), Buffer.from([0, 0, 0, 2]), pack.subarray(12, -20)])), // claims 2 objects
      withChecksum(Buffer.concat([header, Buffer.from([0x95, 0x0a]), deflateSync('short')])), // size says 165, inflates to 5
      withChecksum(Buffer.concat([header, Buffer.from([0x75]), Buffer.alloc(20, 7), deflateSync('delta')])), // REF_DELTA to a missing base
      withChecksum(Buffer.concat([pack.subarray(0, -20), Buffer.from('junk')])), // stray bytes
      Buffer.from('PACK'),
    ];
    for (const bad of lying) expect((await push(bad)).status).toBe(400);
    // A good pack whose commit names a tree nobody has: refused per ref, nothing stored.
    const ok = await send('POST', '/git-receive-pack', Buffer.concat([command(head, object.hash), FLUSH, pack]));
    expect(ok).toMatchObject({ status: 200, body: expect.stringContaining('ng refs/heads/main missing necessary objects') });
    expect(await repo.branch('main').head()).toBe(head);
    expect(writes()).toBe(0);
    expect(await repo.backend.objects.has(object.hash)).toBe(false);
    // A ref pointed at a blob is refused.
    const blob = { hash: createHash('sha1').update('blob 1\0x').digest('hex'), type: 'blob' as const, payload: Buffer.from('x') };
    const atBlob = await send('POST', '/git-receive-pack', Buffer.concat([command(head, blob.hash), FLUSH, Buffer.concat(encodePack([{ object: blob }]))]));
    expect(atBlob).toMatchObject({ status: 200, body: expect.stringContaining('ng refs/heads/main not a commit') });
    expect(writes()).toBe(0);
  });

  it('random bytes to every endpoint: always a 4xx, nothing stored, and the server still serves', async () => {
    const { send, writes, handler, repo } = await guarded({ writeToken: 'w' });
    const endpoints = [
      ['POST', '/git-upload-pack'],
      ['POST', '/git-receive-pack'],
      ['PUT', '/api/branches/main/values/x'],
      ['POST', '/api/branches/main/merge'],
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints), fc.uint8Array({ maxLength: 300 }), async ([method, url], bytes) => {
        const { status } = await send(method, url, Buffer.from(bytes), { authorization: 'Bearer w' });
        expect(status).toBeGreaterThanOrEqual(400);
        expect(status).toBeLessThan(500);
      }),
      { numRuns: 200 },
    );
    expect(writes()).toBe(0);
    const copy = Repo.memory();
    await clone(copy, new Remote('origin', inProcess(handler)));
    expect(await copy.branch('main').head()).toBe(await repo.branch('main').head());
  });

  it('path traversal, bad JSON, unknown tags and bad tokens get 4xx', async () => {
    const { send, writes } = await guarded({ readToken: 'r', writeToken: 'w' });
    const auth = { authorization: 'Bearer w' };
    const value = Buffer.from(JSON.stringify({ tag: 'text', value: 'x' }));
    for (const url of ['/api/branches/main/values/../../etc', '/api/branches/main/values/%2e%2e/x', '/api/branches/main/values/a%2Fb', '/api/branches/main/values/.git/x', '/api/branches/main/values/a/./b', '/api/branches/..%2F..%2Fx/values/y', '/api/branches/main/values/%zz']) {
      const r = await send('PUT', url, value, auth);
      expect(r.status, url).toBe(400);
    }
    expect((await send('PUT', '/api/branches/main/values/y', Buffer.from('{"tag":"evil","value":1}'), auth)).status).toBe(400);
    expect((await send('PUT', '/api/branches/main/values/y', Buffer.from('{'), auth)).status).toBe(400);
    expect((await send('POST', '/api/branches/main/merge', Buffer.from('{}'), auth)).status).toBe(400);
    expect((await send('GET', '/api/events?branch=main&from=nothex', Buffer.alloc(0), auth)).status).toBe(400);
    expect((await send('GET', '/info/refs?service=git-upload-pack')).status).toBe(401);
    expect((await send('GET', '/info/refs?service=git-receive-pack', Buffer.alloc(0), { authorization: 'Bearer r' })).status).toBe(403);
    expect((await send('POST', '/git-receive-pack', value, { authorization: 'Basic ' + Buffer.from('u:bad').toString('base64') })).status).toBe(403);
    expect(writes()).toBe(0);
  });

  it('bodies over the limit get 413 before they are read whole', async () => {
    const repo = Repo.memory();
    const { url } = await serveForTest(repo, { maxPackBytes: 1000, maxApiBytes: 100 });
    const big = await globalThis.fetch(`${url}git-receive-pack`, { method: 'POST', body: Buffer.alloc(5000) });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ code: 'too-large' });
    const api = await globalThis.fetch(`${url}api/branches/main/values/x`, { method: 'PUT', body: JSON.stringify({ tag: 'text', value: 'x'.repeat(200) }) });
    expect(api.status).toBe(413);
    expect(await repo.branches()).toEqual([]);
  });
});
