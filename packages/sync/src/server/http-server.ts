/**
 * The Grove server on Node's `http`: checks each request's route, origin,
 * content type and token from its headers, and refuses it before reading
 * its body; otherwise reads the body (gunzipped when git compressed it) up
 * to the endpoint's limit, hands it to the handler and writes the answer.
 * Binds 127.0.0.1 unless told otherwise.
 */
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gunzipSync } from 'node:zlib';
import type { Repo } from '@grove/store';
import { createApi } from './api.js';
import { bodyLimit, canonicalUrl, createHandler, refuseEarly, type Handler, type ServerOptions } from './handler.js';
import { errorResponse, type WireResponse } from './wire.js';
import { SyncError } from '../errors.js';

/** A server that is listening, and how to stop it. */
export interface RunningServer {
  /** `http://HOST:PORT/`, the remote URL of the repository. */
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Stops accepting requests, ends open event streams and resolves when closed. */
  close(): Promise<void>;
}

/** The options of `serve`: the server's, and where to listen. */
export interface ListenOptions extends ServerOptions {
  /** Default 0: a free port. */
  readonly port?: number;
  /** Default `127.0.0.1`. */
  readonly host?: string;
}

/** The request handler for `repo`: the Git endpoints, the REST API and the event feed. */
export function createGroveHandler(repo: Repo, options: ServerOptions = {}): Handler {
  return createHandler(repo, options, createApi(repo, options));
}

/**
 * A Node HTTP server for `repo` (not yet listening): Git smart HTTP at the
 * root, so `git clone http://127.0.0.1:PORT/` works, and the API under `/api/`.
 * @example
 * const server = createServer(Repo.memory(), { writeToken: 'secret' }).listen(8080, '127.0.0.1');
 */
export function createServer(repo: Repo, options: ServerOptions = {}): Server {
  const handler = createGroveHandler(repo, options);
  return createHttpServer((req, res) => {
    void respond(handler, options, req, res);
  });
}

/** Starts a Grove server for `repo` on `options.host` (127.0.0.1) and `options.port` (a free one). */
export async function serve(repo: Repo, options: ListenOptions = {}): Promise<RunningServer> {
  const server = createServer(repo, options);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const shown = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shown}:${port}/`,
    port,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // ends open event streams too
      }),
  };
}

async function respond(handler: Handler, options: ServerOptions, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let response: WireResponse;
  try {
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : v]));
    const head = { method: req.method ?? 'GET', url: req.url ?? '/', headers };
    const refused = refuseEarly(options, head);
    if (refused === undefined) {
      const body = await readBody(req, bodyLimit(options, canonicalUrl(head.url)));
      response = await handler({ ...head, body });
    } else {
      // Unread: Node stops reading the socket and closes it once this answer is sent.
      response = refused;
      res.setHeader('connection', 'close');
    }
  } catch (error) {
    response = errorResponse(error);
    res.setHeader('connection', 'close');
  }
  res.writeHead(response.status, response.headers);
  if (response.stream === undefined) {
    res.end(Buffer.concat(response.body));
    return;
  }
  const ended = new AbortController();
  res.on('close', () => ended.abort());
  await response.stream((chunk) => res.write(chunk), ended.signal).catch(() => undefined);
  res.end();
}

/** The request body, refused with `too-large` past `limit` bytes (compressed or not). */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(declared, limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(size, limit);
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  if (req.headers['content-encoding'] !== 'gzip') return body;
  try {
    return gunzipSync(body, { maxOutputLength: Math.max(limit, 1) });
  } catch (error) {
    throw new SyncError('bad-request', `the gzip body could not be inflated within ${limit} bytes (${(error as Error).message}); send a valid, smaller body`);
  }
}

function tooLarge(size: number, limit: number): SyncError {
  return new SyncError('too-large', `the request body has at least ${size} bytes, more than the ${limit} this endpoint accepts; send less`);
}

