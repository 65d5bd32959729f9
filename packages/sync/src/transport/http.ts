/**
 * The network transport: HTTP and HTTPS through isomorphic-git's Node HTTP
 * client, with an optional bearer token.
 */
import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import git from 'isomorphic-git/http/node';
import { SyncError } from '../errors.js';
import { statusError } from './status.js';
import type { Transport, TransportRequest, TransportResponse } from './transport.js';

/** Options of `httpTransport`. */
export interface HttpOptions {
  /** Sent as `Authorization: Bearer TOKEN`, or as the Basic password when `username` is set. */
  readonly token?: string;
  /** For hosts that want Basic auth (e.g. `x-access-token` on some Git hosts): the user name sent with `token`. */
  readonly username?: string;
}

/** The `Authorization` header for `options`, if any. */
function authorization(options: HttpOptions): Record<string, string> {
  if (options.token === undefined) return {};
  if (options.username === undefined) return { authorization: `Bearer ${options.token}` };
  return { authorization: `Basic ${Buffer.from(`${options.username}:${options.token}`).toString('base64')}` };
}

async function collect(body: AsyncIterableIterator<Uint8Array> | undefined): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  if (body !== undefined) for await (const part of body) parts.push(part);
  return Buffer.concat(parts);
}

/**
 * A transport to the `http://` or `https://` remote at `url`. Throws
 * `unsupported` for other schemes.
 * @example
 * const transport = httpTransport('http://127.0.0.1:8080/', { token: 'secret' });
 */
export function httpTransport(url: string, options: HttpOptions = {}): Transport {
  if (!/^https?:\/\//i.test(url)) throw new SyncError('unsupported', `${url} is not an http(s) URL; give a remote such as http://127.0.0.1:8080/`, { url });
  const base = url.endsWith('/') ? url : `${url}/`;
  // Node's global agent drops a socket idle for 5 s; a server may think longer than that over a big pack.
  const agent = base.startsWith('https:') ? new HttpsAgent({ keepAlive: true }) : new HttpAgent({ keepAlive: true });
  return {
    url,
    async request(request: TransportRequest): Promise<TransportResponse> {
      const headers: Record<string, string> = { 'user-agent': 'git/grove-0.1', ...request.headers, ...authorization(options) };
      if (request.body !== undefined) headers['content-length'] = String(request.body.length);
      try {
        const response = await git.request({
          url: base + request.path,
          method: request.method,
          agent,
          headers,
          // An array is sent as one buffer with its length; an iterator would be streamed after a timer.
          ...(request.body === undefined ? {} : { body: [request.body] as unknown as AsyncIterableIterator<Uint8Array> }),
        });
        return { status: response.statusCode, headers: response.headers ?? {}, body: await collect(response.body) };
      } catch (error) {
        throw unreachable(url, error);
      }
    },
    subscribe(path, onData, signal) {
      return new Promise((resolve, reject) => {
        const headers: Record<string, string> = { accept: 'text/event-stream', ...authorization(options) };
        const req = (base.startsWith('https:') ? httpsRequest : httpRequest)(base + path, { headers, signal }, (res) => {
          if (res.statusCode !== 200) {
            res.resume();
            reject(statusError(url, res.statusCode ?? 0, 'the event feed', Buffer.alloc(0)));
            return;
          }
          res.setEncoding('utf8');
          res.on('data', onData);
          res.on('close', () => resolve());
        });
        req.on('error', (error) => (signal.aborted ? resolve() : reject(unreachable(url, error))));
        req.end();
      });
    },
  };
}

function unreachable(url: string, error: unknown): SyncError {
  return new SyncError('unreachable', `cannot reach ${url} (${error instanceof Error ? error.message : String(error)}); check the URL and that the server runs`, { url }, { cause: error });
}
