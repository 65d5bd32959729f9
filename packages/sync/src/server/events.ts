/**
 * The live feed of head changes as Server-Sent Events: one `head` event
 * `{ branch, from, to }` per move (its id is `to`, so a client resumes with
 * `from=<id>` or `Last-Event-ID`), and a comment line as heartbeat.
 */
import { isHash, type Repo } from '@grove/store';
import { SyncError } from '../errors.js';
import type { WireResponse } from './wire.js';

/** `GET /api/events?branch=NAME[&from=ID]`. Throws `bad-request` or `not-found` on a bad cursor. */
export async function eventFeed(repo: Repo, params: URLSearchParams, lastEventId: string | undefined, heartbeatMs: number): Promise<WireResponse> {
  const branch = repo.branch(params.get('branch') ?? 'main');
  const from = params.get('from') ?? lastEventId;
  if (from !== undefined && from !== null) {
    if (!isHash(from)) throw new SyncError('bad-request', `from=${JSON.stringify(from)} is not a commit id; resume from the id of the last event received`);
    await repo.readCommit(from);
  }
  return {
    status: 200,
    headers: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' },
    body: [],
    async stream(write, closed) {
      write(`: watching ${branch.name}\n\n`);
      const watcher = branch.watch(
        ({ from: before, to }) => {
          write(`event: head\nid: ${to ?? ''}\ndata: ${JSON.stringify({ branch: branch.name, from: before ?? null, to: to ?? null })}\n\n`);
        },
        from === undefined || from === null ? {} : { from },
      );
      const heartbeat = setInterval(() => write(': heartbeat\n\n'), heartbeatMs);
      await new Promise<void>((resolve) => (closed.aborted ? resolve() : closed.addEventListener('abort', () => resolve(), { once: true })));
      clearInterval(heartbeat);
      watcher.stop();
    },
  };
}
