/**
 * Refusing requests a web page could forge. A page the user visits may send
 * a "simple" cross-site request (GET, or POST with `text/plain`, no custom
 * headers) to a server on their machine without asking it first. So every
 * request that is not a GET or HEAD must come from no browser or from the
 * server's own origin (`Origin`, `Sec-Fetch-Site`), and must carry the
 * content type of its endpoint, which no page can send cross-site without a
 * CORS preflight that this server never approves.
 */
import { SyncError } from '../errors.js';
import type { WireRequest } from './wire.js';

/** The content type each writing endpoint requires: Git's for the Git endpoints, JSON for the REST API. */
function requiredType(path: string): string {
  if (path.endsWith('/git-receive-pack')) return 'application/x-git-receive-pack-request';
  if (path.endsWith('/git-upload-pack')) return 'application/x-git-upload-pack-request';
  return 'application/json';
}

/**
 * Throws `forbidden` (403) for a request sent by a page of another origin
 * (an `Origin` other than this server's, or `Sec-Fetch-Site` other than
 * `same-origin` or `none`), and `unsupported-media-type` (415) for a body
 * of another content type than its endpoint's. GET and HEAD pass: they
 * change nothing, and a page cannot read their answers.
 */
export function checkRequestSource(request: WireRequest, path: string): void {
  if (request.method === 'GET' || request.method === 'HEAD') return;
  const { origin, host } = request.headers;
  const site = request.headers['sec-fetch-site'];
  if ((site !== undefined && site !== 'same-origin' && site !== 'none') || (origin !== undefined && origin !== `http://${host}` && origin !== `https://${host}`)) {
    throw new SyncError('forbidden', `a web page of another origin (${origin ?? site}) may not change this server; send the request from a Git or Grove client, or from a page of ${host ?? 'this server'}`);
  }
  if (request.method === 'DELETE' && request.body.length === 0) return;
  const type = request.headers['content-type']?.split(';')[0]?.trim().toLowerCase();
  const required = requiredType(path);
  if (type !== required) {
    throw new SyncError('unsupported-media-type', `${request.method} ${path} needs Content-Type: ${required}, not ${type ?? 'none'}`);
  }
}
