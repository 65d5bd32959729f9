/**
 * A remote: a name (for its remote-tracking refs) and a transport, with the
 * two smart HTTP exchanges every client operation makes: discover the refs
 * of a service, and post a request to it. HTTP errors become typed errors.
 */
import { SyncError } from '../errors.js';
import { parseAdvertisement, type Advertisement, type Service } from '../protocol/advertise.js';
import { httpTransport, type HttpOptions } from '../transport/http.js';
import { statusError } from '../transport/status.js';
import type { Transport, TransportResponse } from '../transport/transport.js';

/** What a long transfer reports as it goes. */
export interface Progress {
  readonly phase: 'receiving' | 'sending';
  readonly objects: number;
  readonly bytes: number;
}

/** A named remote repository reached through a transport. */
export class Remote {
  constructor(
    /** Names its remote-tracking refs: `refs/remotes/<name>/<branch>`. */
    readonly name: string,
    readonly transport: Transport,
  ) {}

  /** A remote over smart HTTP at `url`. */
  static http(name: string, url: string, options: HttpOptions = {}): Remote {
    return new Remote(name, httpTransport(url, options));
  }

  /** The remote's URL. */
  get url(): string {
    return this.transport.url;
  }

  /** `GET info/refs?service=...`: the refs and capabilities of `service`. */
  async discover(service: Service): Promise<Advertisement> {
    const response = this.#check(await this.transport.request({ method: 'GET', path: `info/refs?service=${service}` }), service);
    return parseAdvertisement(response.body, service);
  }

  /** `POST <service>` with `body`; the response body. */
  async post(service: Service, body: Buffer): Promise<Buffer> {
    const headers = { 'content-type': `application/x-${service}-request`, accept: `application/x-${service}-result` };
    return this.#check(await this.transport.request({ method: 'POST', path: service, headers, body }), service).body;
  }

  #check(response: TransportResponse, service: Service): TransportResponse {
    if (response.status < 300) return response;
    if (response.status === 403 && errorCode(response.body) === 'read-only') {
      throw new SyncError('read-only', `${this.url} is read-only: it refused ${service} (403), and no token changes that; push to a server started without --read-only`, { url: this.url, status: 403 });
    }
    throw statusError(this.url, response.status, service, response.body);
  }
}

/** The `code` of a JSON error body `{ code, message }`, or undefined. */
function errorCode(body: Buffer): unknown {
  try {
    return (JSON.parse(body.toString('utf8')) as { code?: unknown } | null)?.code;
  } catch {
    return undefined;
  }
}
