/**
 * The REST API under `/api/`: branches, log, values at paths (get, put,
 * delete), merge, and the event feed. Paths are split on "/" before any
 * decoding or normalisation, and every segment is checked, so "..", "."
 * and encoded slashes are refused rather than resolved.
 */
import { isHash, type Repo } from '@grove/store';
import { SyncError } from '../errors.js';
import { eventFeed } from './events.js';
import type { Handler, ServerOptions } from './handler.js';
import { jsonBody, parseValueBody, storedJson, toJson } from './values.js';
import { json, type WireRequest, type WireResponse } from './wire.js';

/** Decodes one raw path segment; a bad escape is a `bad-request`. */
function segment(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new SyncError('bad-request', `${JSON.stringify(raw)} is not a valid URL segment; percent-encode it`);
  }
}

function commitJson(c: { hash: string; parents: readonly string[]; message: string; author: { name: string; email: string; timestamp: number } }) {
  return { hash: c.hash, parents: c.parents, message: c.message, author: c.author };
}

async function routeApi(repo: Repo, options: ServerOptions, request: WireRequest): Promise<WireResponse> {
  const [rawPath = '', query = ''] = request.url.split('?', 2);
  const parts = rawPath.split('/').slice(2).map(segment); // after "", "api"
  const params = new URLSearchParams(query);
  // HEAD is GET without the body (Node's server drops it).
  const method = request.method === 'HEAD' ? 'GET' : request.method;
  const [top, name, action, ...rest] = parts;
  if (top === 'events' && parts.length === 1 && method === 'GET') return eventFeed(repo, params, request.headers['last-event-id'], options.heartbeatMs ?? 15_000);
  if (top !== 'branches') throw new SyncError('not-found', `no endpoint ${method} ${rawPath}; see docs/sync.md`);
  if (name === undefined && method === 'GET') {
    const branches = await Promise.all((await repo.branches()).map(async (b) => ({ name: b, head: await repo.branch(b).head() })));
    return json(200, { branches });
  }
  const branch = repo.branch(name ?? '');
  if (action === 'log' && rest.length === 0 && method === 'GET') {
    const limit = Number(params.get('limit') ?? 100);
    if (!Number.isSafeInteger(limit) || limit < 1) throw new SyncError('bad-request', 'limit must be a positive integer');
    const commits = [];
    for await (const c of branch.log({ limit })) commits.push(commitJson(c));
    return json(200, { commits });
  }
  if (action === 'values' && rest.length > 0) {
    if (method === 'GET') {
      const stored = await branch.read(rest);
      if (stored === undefined) throw new SyncError('not-found', `no value at ${rest.join('/')} on ${branch.name}`);
      return json(200, storedJson(stored));
    }
    if (method === 'PUT') {
      const { value, type, message } = parseValueBody(request.body);
      const commit = await branch.set(rest, value, { type, ...(message === undefined ? {} : { message }) });
      return json(200, { commit: commit.hash });
    }
    if (method === 'DELETE') {
      const commit = await branch.remove(rest);
      if (commit === undefined) throw new SyncError('not-found', `no value at ${rest.join('/')} on ${branch.name}`);
      return json(200, { commit: commit.hash });
    }
  }
  if (action === 'merge' && rest.length === 0 && method === 'POST') {
    const from = (jsonBody(request.body, '{"from": "<branch or commit id>"}') as { from?: unknown } | null)?.from;
    if (typeof from !== 'string') throw new SyncError('bad-request', 'send {"from": "<branch or commit id>"}');
    const outcome = await branch.merge(isHash(from) ? from : repo.branch(from));
    return json(outcome.kind === 'conflict' ? 409 : 200, toJson(outcome.kind === 'merged' ? { kind: 'merged', commit: outcome.commit.hash } : outcome));
  }
  throw new SyncError('not-found', `no endpoint ${method} ${rawPath}; see docs/sync.md`);
}

/** The API handler for `repo`; errors propagate to the server's handler, which answers 4xx. */
export function createApi(repo: Repo, options: ServerOptions): Handler {
  return async (request) => {
    try {
      return await routeApi(repo, options, request);
    } catch (error) {
      if (error instanceof SyntaxError) throw new SyncError('bad-request', `the body is not JSON (${error.message})`);
      throw error;
    }
  };
}
