/**
 * The Node server over real HTTP on 127.0.0.1: refused requests are answered
 * from their headers, before their bodies are read, and doubled slashes in
 * a path name the same endpoint as single ones.
 */
import { Repo } from '@grove/store';
import { request as httpRequest } from 'node:http';
import type { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { serveForTest } from '../testing/server.js';

/** Bytes the server read from each connection, known once it closes. */
function countReads(server: import('node:http').Server): Promise<number> {
  return new Promise((resolve) => server.once('connection', (socket: Socket) => socket.once('close', () => resolve(socket.bytesRead))));
}

/**
 * POSTs a body of `size` bytes in 64 KiB chunks, sending each only after
 * the last one drained, and stops at the first byte of the response.
 * Resolves to its status and how many body bytes were handed to the socket.
 */
function streamPost(url: string, path: string, size: number, headers: Record<string, string>): Promise<{ status: number; sent: number }> {
  return new Promise((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 0x61);
    let sent = 0;
    let answered = false;
    const req = httpRequest(new URL(path, url), { method: 'POST', headers: { 'content-length': String(size), ...headers } }, (res) => {
      answered = true;
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode!, sent }));
    });
    req.on('error', (error) => (answered ? undefined : reject(error))); // the server closes as it answers
    const pump = () => {
      while (!answered && sent < size) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

describe('the HTTP server', () => {
  it('answers an unauthenticated 64 MiB push with 401 having read under 1 MiB of it', async () => {
    const repo = Repo.memory();
    const { url, server } = await serveForTest(repo, { writeToken: 'secret' });
    const read = countReads(server);
    const size = 64 * 1024 * 1024;
    const { status, sent } = await streamPost(url, '/git-receive-pack', size, { 'content-type': 'application/x-git-receive-pack-request' });
    expect(status).toBe(401);
    expect(sent).toBeLessThan(size);
    expect(await read).toBeLessThan(1024 * 1024);
    expect(await repo.branches()).toEqual([]);
  });

  it('refuses a cross-origin upload with 403 and a wrong token with 403, both before reading the body', async () => {
    const { url, server } = await serveForTest(Repo.memory(), { writeToken: 'secret' });
    const type = { 'content-type': 'application/x-git-receive-pack-request' };
    for (const headers of [{ ...type, origin: 'http://evil.example' }, { ...type, authorization: 'Bearer wrong' }]) {
      const read = countReads(server);
      expect((await streamPost(url, '/git-receive-pack', 64 * 1024 * 1024, headers)).status).toBe(403);
      expect(await read).toBeLessThan(1024 * 1024);
    }
  });

  it('reads the body of an allowed request whole', async () => {
    const { url } = await serveForTest(Repo.memory(), { writeToken: 'secret' });
    const { status } = await streamPost(url, '/git-receive-pack', 1024 * 1024, { 'content-type': 'application/x-git-receive-pack-request', authorization: 'Bearer secret' });
    expect(status).toBe(400); // read whole, then refused as not pkt-lines
  });

  it('treats runs of slashes in a path as one, for the API, the Git endpoints and body limits', async () => {
    const repo = Repo.memory();
    const { url } = await serveForTest(repo, { maxApiBytes: 100 });
    const at = (path: string) => `${url.replace(/\/$/, '')}${path}`;
    const value = JSON.stringify({ tag: 'text', value: 'v' });
    const put = await globalThis.fetch(at('//api//branches/main/values///x'), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: value });
    expect(put.status).toBe(200);
    const read = await globalThis.fetch(at('//api/branches/main/values/x'));
    expect([read.status, await read.json()]).toEqual([200, expect.objectContaining({ value: 'v' })]);
    expect((await globalThis.fetch(at('//info/refs?service=git-upload-pack'))).status).toBe(200);
    const big = await globalThis.fetch(at('//api/branches/main/values/y'), { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tag: 'text', value: 'y'.repeat(200) }) });
    expect(big.status).toBe(413);
    expect((await globalThis.fetch(at('//nothing'))).status).toBe(404);
  });
});
