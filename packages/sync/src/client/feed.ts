/**
 * Following a Grove server's live feed (Server-Sent Events of head
 * changes) from a client: parse the stream into `{ branch, from, to }`
 * events and keep the last id, so a reconnect resumes where it stopped.
 */
import type { Hash } from '@grove/store';
import { SyncError } from '../errors.js';
import type { Remote } from './remote.js';

/** One head change the server announced. */
export interface HeadEvent {
  readonly branch: string;
  readonly from: Hash | null;
  readonly to: Hash | null;
}

/** Splits an SSE stream into events; comments (heartbeats) and unknown fields are skipped. */
export class EventParser {
  #buffer = '';

  /** Feeds `text`; returns the `data` of each complete event. */
  push(text: string): string[] {
    this.#buffer += text;
    const blocks = this.#buffer.split(/\r?\n\r?\n/);
    this.#buffer = blocks.pop() ?? '';
    return blocks.flatMap((block) => {
      const data = block.split(/\r?\n/).filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trimStart());
      return data.length === 0 ? [] : [data.join('\n')];
    });
  }
}

/**
 * Streams the head changes of `branch` on `remote` to `onEvent` until the
 * stream ends or `signal` aborts, starting after commit `from` when given.
 * Resolves to the last commit announced. Throws `unsupported` when the
 * remote's transport cannot stream, `not-found` when the server has no feed
 * (a plain Git server), or the transport's errors.
 */
export async function followHeads(remote: Remote, branch: string, onEvent: (event: HeadEvent) => void, options: { readonly from?: Hash; readonly signal: AbortSignal }): Promise<Hash | undefined> {
  const { subscribe } = remote.transport;
  if (subscribe === undefined) throw new SyncError('unsupported', `${remote.url} cannot stream events; replicate by polling instead`, { url: remote.url });
  const query = new URLSearchParams({ branch, ...(options.from === undefined ? {} : { from: options.from }) });
  const parser = new EventParser();
  let last = options.from;
  await subscribe.call(remote.transport, `api/events?${query}`, (text) => {
    for (const data of parser.push(text)) {
      const event = JSON.parse(data) as HeadEvent;
      if (event.to !== null) last = event.to;
      onEvent(event);
    }
  }, options.signal);
  return last;
}
