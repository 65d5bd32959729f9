/**
 * A transport carries one HTTP-shaped request to a remote and brings back
 * its answer: over the network (smart HTTP), inside the process, or through
 * a simulated lossy network in tests.
 */

/** One request, relative to the remote's base URL. */
export interface TransportRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Path and query relative to the remote, without a leading slash: `info/refs?service=git-upload-pack`. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Buffer;
}

/** The complete answer. */
export interface TransportResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
}

/**
 * Sends requests to one remote. Rejects with `SyncError` `unreachable` when
 * no answer arrives; HTTP error statuses are answers, not rejections.
 */
export interface Transport {
  /** The remote's URL, for messages and remote configuration. */
  readonly url: string;
  request(request: TransportRequest): Promise<TransportResponse>;
  /**
   * Streams the body of `GET path` to `onData` as it arrives (the event
   * feed); resolves when the stream ends or `signal` aborts. Rejects like
   * `request`, and with the status's error when the answer is not 200.
   */
  subscribe?(path: string, onData: (text: string) => void, signal: AbortSignal): Promise<void>;
}
