/**
 * Requests and responses as plain data, so the same handler serves Node's
 * HTTP server, the in-process transport and the simulated network.
 */
import { isGroveError } from '@grove/merge';

/** One HTTP request: method, path with query, lower-case headers, the whole body. */
export interface WireRequest {
  readonly method: string;
  /** Path and query, e.g. `/info/refs?service=git-upload-pack`. */
  readonly url: string;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
}

/** Writes one chunk of a streamed response. */
export type StreamWriter = (chunk: string | Buffer) => void;

/** One HTTP response: a body in chunks, or (the event feed) a stream that ends when `closed` aborts. */
export interface WireResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: readonly Buffer[];
  readonly stream?: (write: StreamWriter, closed: AbortSignal) => Promise<void>;
}

/** The HTTP status for each error code a request can cause. */
const STATUS: Record<string, number> = {
  'malformed-pkt-line': 400,
  'bad-pack': 400,
  'bad-request': 400,
  unsupported: 400,
  'invalid-path': 400,
  'invalid-ref': 400,
  'wrong-type': 400,
  'unknown-type': 422,
  'decode-error': 400,
  'not-found': 404,
  'too-large': 413,
  auth: 401,
  'read-only': 403,
  forbidden: 403,
  'unsupported-media-type': 415,
  conflict: 409,
  'corrupt-object': 500,
  'corrupt-ref': 500,
  'io-error': 500,
  locked: 503,
};

/** A JSON body `{ code, message }` with `status`. */
export function jsonError(status: number, code: string, message: string): WireResponse {
  return json(status, { code, message });
}

/** A JSON response. */
export function json(status: number, value: unknown): WireResponse {
  return { status, headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-cache' }, body: [Buffer.from(JSON.stringify(value))] };
}

/**
 * An absolute file path (POSIX or Windows) not preceded by a name
 * character; the served routes (`/api/...`, `/info/...`, `/git-...`) are
 * left alone, as messages name them on purpose.
 */
const FILE_PATH = /(?<![\w.~-])(?:[A-Za-z]:\\|\/(?!api\/|info\/|git-))[^\s"'`,;()]+/g;

/** `message` with every server file path replaced by `<server path>`, so no answer reveals where the server keeps its files. */
export function scrubPaths(message: string): string {
  return message.replace(FILE_PATH, '<server path>');
}

/**
 * The response for an error thrown while serving: a Grove error's status
 * (4xx for bad input) and message without server paths, and for anything
 * else (a bug, a file-system failure) 500 with a generic message, since its
 * text may name server files.
 */
export function errorResponse(error: unknown): WireResponse {
  if (isGroveError(error)) {
    const status = (error.data as { status?: number } | undefined)?.status ?? STATUS[error.code] ?? 400;
    const response = jsonError(status, error.code, scrubPaths(error.message));
    // A challenge, so git sends the token it was given as a Basic password.
    return status === 401 ? { ...response, headers: { ...response.headers, 'www-authenticate': 'Basic realm="grove"' } } : response;
  }
  return jsonError(500, 'internal', 'the server failed on this request; retry it, and if it fails again report it (with the request) to whoever runs the server');
}
