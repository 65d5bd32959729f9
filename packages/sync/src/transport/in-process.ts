/**
 * The in-process transport: requests go straight to a Grove server's
 * handler, with no socket, for two repositories in one process.
 */
import type { Handler } from '../server/handler.js';
import { statusError } from './status.js';
import type { Transport, TransportResponse } from './transport.js';

/**
 * A transport to the server `handler` (see `createGroveHandler`).
 * @example
 * const remote = new Remote('origin', inProcess(createGroveHandler(serverRepo)));
 */
export function inProcess(handler: Handler, url = 'grove-in-process://'): Transport {
  return {
    url,
    async request(request): Promise<TransportResponse> {
      const headers = Object.fromEntries(Object.entries(request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
      const response = await handler({ method: request.method, url: `/${request.path}`, headers, body: request.body ?? Buffer.alloc(0) });
      return { status: response.status, headers: response.headers, body: Buffer.concat(response.body) };
    },
    async subscribe(path, onData, signal) {
      const response = await handler({ method: 'GET', url: `/${path}`, headers: { accept: 'text/event-stream' }, body: Buffer.alloc(0) });
      if (response.status !== 200 || response.stream === undefined) throw statusError(url, response.status, 'the event feed', Buffer.concat(response.body));
      await response.stream((chunk) => onData(chunk.toString()), signal);
    },
  };
}
