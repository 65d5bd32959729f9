/**
 * The Grove server's request handler: routes a `WireRequest` to the Git
 * endpoints, the REST API or the event feed, after the size and access
 * checks. Every bad request gets a 4xx `{ code, message }`.
 */
import type { Repo } from '@grove/store';
import { SyncError } from '../errors.js';
import { checkAccess, type AccessOptions } from './auth.js';
import { advertise, serveReceivePack, serveUploadPack } from './git-routes.js';
import { checkRequestSource } from './origin.js';
import { errorResponse, jsonError, type WireRequest, type WireResponse } from './wire.js';

/** How the server behaves: access, limits. */
export interface ServerOptions extends AccessOptions {
  /** Largest request body accepted on the Git endpoints, in bytes (default 256 MiB). */
  readonly maxPackBytes?: number;
  /** Largest request body accepted on the REST API, in bytes (default 1 MiB). */
  readonly maxApiBytes?: number;
  /** Milliseconds between heartbeats on the event feed (default 15,000). */
  readonly heartbeatMs?: number;
}

/** Serves one request; never throws. */
export type Handler = (request: WireRequest) => Promise<WireResponse>;

/** Default body limits of the Git endpoints and of the REST API. */
const DEFAULT_MAX_PACK = 256 * 1024 * 1024;
const DEFAULT_MAX_API = 1024 * 1024;

/** A route: its path, whether it writes, its body limit, and the work. */
interface Route {
  readonly path: string;
  readonly write: boolean;
  readonly limit: number;
  run(): Promise<WireResponse>;
}

/** The largest body a request to `url` may carry under `options`. */
export function bodyLimit(options: ServerOptions, url: string): number {
  return url.startsWith('/api') ? (options.maxApiBytes ?? DEFAULT_MAX_API) : (options.maxPackBytes ?? DEFAULT_MAX_PACK);
}

function route(repo: Repo, options: ServerOptions, request: WireRequest, api: Handler): Route | undefined {
  const url = new URL(request.url, 'http://grove.invalid');
  const path = url.pathname;
  const limit = bodyLimit(options, path);
  if (request.method === 'GET' && path.endsWith('/info/refs')) {
    const service = url.searchParams.get('service');
    if (service !== 'git-upload-pack' && service !== 'git-receive-pack') return undefined;
    return { path, write: service === 'git-receive-pack', limit, run: () => advertise(repo, service) };
  }
  if (request.method === 'POST' && path.endsWith('/git-upload-pack')) return { path, write: false, limit, run: () => serveUploadPack(repo, request.body) };
  if (request.method === 'POST' && path.endsWith('/git-receive-pack')) return { path, write: true, limit, run: () => serveReceivePack(repo, request.body) };
  if (path === '/api' || path.startsWith('/api/')) {
    return { path, write: request.method !== 'GET' && request.method !== 'HEAD', limit, run: () => api(request) };
  }
  return undefined;
}

/** The handler for `repo`; `api` serves `/api/...` after the checks. */
export function createHandler(repo: Repo, options: ServerOptions, api: Handler): Handler {
  return async (request) => {
    try {
      const found = route(repo, options, request, api);
      if (found === undefined) return jsonError(404, 'not-found', `no endpoint ${request.method} ${request.url.split('?')[0]}; see docs/sync.md for the server's API`);
      checkRequestSource(request, found.path);
      checkAccess(options, request.headers['authorization'], found.write);
      if (request.body.length > found.limit) {
        throw new SyncError('too-large', `the request body has ${request.body.length} bytes, more than the ${found.limit} this endpoint accepts; send less`);
      }
      return await found.run();
    } catch (error) {
      return errorResponse(error);
    }
  };
}
