/**
 * Test and benchmark support, not shipped: `git http-backend` behind a
 * small Node CGI bridge on 127.0.0.1 (one process per request, as CGI
 * deployments run it), serving the bare repositories under one directory.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { devNull } from 'node:os';

/** git's environment: no user or system configuration. */
const ENV = { ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_'))), GIT_CONFIG_GLOBAL: devNull, GIT_CONFIG_NOSYSTEM: '1' };

/** A running bridge: its base URL, the request bytes it has received, and how to stop it. */
export interface GitHttpBackend {
  /** `http://127.0.0.1:PORT/`; a repository `root/name.git` is at `${url}name.git`. */
  readonly url: string;
  /** Request body bytes received so far (what clients sent). */
  received(): number;
  close(): Promise<void>;
}

/** Runs one CGI request through `git http-backend` and writes its answer. */
async function bridge(root: string, req: IncomingMessage, res: ServerResponse, body: Buffer): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const child = spawn('git', ['http-backend'], {
    env: {
      ...ENV,
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      REQUEST_METHOD: req.method ?? 'GET',
      QUERY_STRING: url.search.slice(1),
      PATH_INFO: decodeURIComponent(url.pathname),
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      CONTENT_LENGTH: String(body.length),
      HTTP_CONTENT_ENCODING: String(req.headers['content-encoding'] ?? ''),
      HTTP_GIT_PROTOCOL: String(req.headers['git-protocol'] ?? ''),
      REMOTE_ADDR: '127.0.0.1',
      REMOTE_USER: 'tester',
    },
  });
  child.stdin.on('error', () => undefined); // git may answer (an error) before reading the whole body; its answer says why
  child.stdin.end(body);
  const out: Buffer[] = [];
  child.stdout.on('data', (c: Buffer) => out.push(c));
  await new Promise((resolve) => child.on('close', resolve));
  const raw = Buffer.concat(out);
  const crlf = raw.indexOf('\r\n\r\n');
  const split = crlf >= 0 ? crlf + 4 : raw.indexOf('\n\n') + 2;
  let status = 200;
  for (const line of raw.subarray(0, split).toString('latin1').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    if (name.toLowerCase() === 'status') status = Number(value.split(' ')[0]);
    else res.setHeader(name, value);
  }
  res.writeHead(status);
  res.end(raw.subarray(split));
}

/**
 * Serves the bare repositories under `root` with `git http-backend`
 * (`http.receivepack` must be enabled in each for pushes).
 */
export async function startGitHttpBackend(root: string): Promise<GitHttpBackend> {
  let received = 0;
  const server = createServer((req, res) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of req as AsyncIterable<Buffer>) chunks.push(chunk);
      const body = Buffer.concat(chunks);
      received += body.length;
      await bridge(root, req, res, body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    received: () => received,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
