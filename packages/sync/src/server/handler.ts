/**
 * The Grove server's request handler: routes a `WireRequest` to the Git
 * endpoints, the REST API or the event feed, after the size and access
 * checks. Paths are canonical first: runs of "/" count as one (`//api/x` is
 * `/api/x`). Every bad request gets a 4xx `{ code, message }`.
 */
import { isGroveError } from '@grove/merge';
import type { Repo } from '@grove/store';
import type { Service } from '../protocol/advertise.js';
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

/** A request before its body is read: enough to route it and to check who sends it. */
export type RequestHead = Omit<WireRequest, 'body'>;

/** What a route serves. */
type Endpoint = { readonly kind: 'advertise'; readonly service: Service } | { readonly kind: 'upload-pack' | 'receive-pack' | 'api' };

/** A route: its path, whether it writes, its body limit, and what it serves. */
interface Route {
  readonly path: string;
  readonly write: boolean;
  readonly limit: number;
  readonly endpoint: Endpoint;
}

/**
 * `url` with every run of "/" in its path made one: `//api/x` and
 * `/api//x` are `/api/x`, `//info/refs` is `/info/refs`, as most HTTP servers
 * merge slashes. The query is kept as it is. Routing, body limits and the
 * REST API all see this form, so a doubled slash never changes the endpoint.
 */
export function canonicalUrl(url: string): string {
  const query = url.indexOf('?');
  const path = query === -1 ? url : url.slice(0, query);
  return path.replace(/\/{2,}/g, '/') + (query === -1 ? '' : url.slice(query));
}

/** The largest body a request to `url` (canonical) may carry under `options`. */
export function bodyLimit(options: ServerOptions, url: string): number {
  return url.startsWith('/api') ? (options.maxApiBytes ?? DEFAULT_MAX_API) : (options.maxPackBytes ?? DEFAULT_MAX_PACK);
}

/** The route of a request with canonical `url`, from its method and URL alone. */
function route(options: ServerOptions, method: string, url: string): Route | undefined {
  const parsed = new URL(url, 'http://grove.invalid');
  const path = parsed.pathname;
  const limit = bodyLimit(options, path);
  if (method === 'GET' && path.endsWith('/info/refs')) {
    const service = parsed.searchParams.get('service');
    if (service !== 'git-upload-pack' && service !== 'git-receive-pack') return undefined;
    return { path, write: service === 'git-receive-pack', limit, endpoint: { kind: 'advertise', service } };
  }
  if (method === 'POST' && path.endsWith('/git-upload-pack')) return { path, write: false, limit, endpoint: { kind: 'upload-pack' } };
  if (method === 'POST' && path.endsWith('/git-receive-pack')) return { path, write: true, limit, endpoint: { kind: 'receive-pack' } };
  if (path === '/api' || path.startsWith('/api/')) return { path, write: method !== 'GET' && method !== 'HEAD', limit, endpoint: { kind: 'api' } };
  return undefined;
}

function notFound(method: string, url: string): WireResponse {
  return jsonError(404, 'not-found', `no endpoint ${method} ${url.split('?')[0]}; see docs/sync.md for the server's API`);
}

/**
 * The answer to a request that fails a check its head alone decides, in
 * this order: no such endpoint 404, a declared length over the limit 413,
 * another origin 403, wrong content type 415, missing or wrong token 401/403, or undefined when its body should be read. The
 * server calls this before reading a body, so a refused upload costs no
 * more than its headers. A DELETE's content type depends on whether it has
 * a body, so it is checked by the handler, after the body is read.
 */
export function refuseEarly(options: ServerOptions, head: RequestHead): WireResponse | undefined {
  try {
    const url = canonicalUrl(head.url);
    const found = route(options, head.method, url);
    if (found === undefined) return notFound(head.method, url);
    const declared = Number(head.headers['content-length'] ?? 0);
    if (declared > found.limit) throw tooLarge(declared, found.limit);
    checkRequestSource({ ...head, url, body: NO_BODY }, found.path);
    checkAccess(options, head.headers['authorization'], found.write);
    return undefined;
  } catch (error) {
    return errorResponse(error);
  }
}

const NO_BODY = Buffer.alloc(0);

function tooLarge(size: number, limit: number): SyncError {
  return new SyncError('too-large', `the request body has ${size} bytes, more than the ${limit} this endpoint accepts; send less`);
}

/** The handler for `repo`; `api` serves `/api/...` after the checks. */
export function createHandler(repo: Repo, options: ServerOptions, api: Handler): Handler {
  return async (request) => {
    try {
      request = { ...request, url: canonicalUrl(request.url) };
      const found = route(options, request.method, request.url);
      if (found === undefined) return notFound(request.method, request.url);
      checkRequestSource(request, found.path);
      checkAccess(options, request.headers['authorization'], found.write);
      if (request.body.length > found.limit) {
        throw tooLarge(request.body.length, found.limit);
      }
      const { endpoint } = found;
      if (endpoint.kind === 'advertise') return await advertise(repo, endpoint.service);
      if (endpoint.kind === 'upload-pack') return await serveUploadPack(repo, request.body);
      if (endpoint.kind === 'receive-pack') return await serveReceivePack(repo, request.body);
      return await api(request);
    } catch (error) {
      // The client gets a generic 500 for a fault here; the operator gets the error itself.
      if (!isGroveError(error)) {
        repo.failures.report({ source: 'server', error, at: repo.clock(), message: `${request.method} ${request.url.split('?')[0]} failed: ${String(error)}` });
      }
      return errorResponse(error);
    }
  };
}
