/**
 * `push`: send a branch to a remote. Refused unless it fast-forwards the
 * remote head (or `force`); only objects the remote lacks are sent, and the
 * remote moves its ref by compare-and-set from the head we saw.
 */
import { isAncestor, type Hash, type Repo } from '@grove/store';
import { SyncError } from '../errors.js';
import { ZERO_ID } from '../protocol/advertise.js';
import { encodePack } from '../protocol/pack-encode.js';
import { withStoredEntries } from '../protocol/pack-reuse.js';
import { FLUSH, pktLine, PktReader } from '../protocol/pkt-line.js';
import { readSideBand } from '../protocol/side-band.js';
import { objectsToSend } from '../protocol/walk.js';
import type { TransferOptions } from './fetch.js';
import type { Remote } from './remote.js';

/** What a push did. */
export interface PushResult {
  readonly kind: 'pushed' | 'up-to-date';
  readonly ref: string;
  readonly from: Hash | undefined;
  readonly to: Hash;
  /** Objects and pack bytes sent. */
  readonly objects: number;
  readonly bytes: number;
}

/** Options of push. */
export interface PushOptions extends TransferOptions {
  /** Push even when it is not a fast-forward: the remote's commits after the common ancestor leave its branch. */
  readonly force?: boolean;
}

/**
 * Pushes branch `name` to the same branch of `remote`. Throws `rejected`
 * (`data.ref`) when the remote head is not an ancestor of ours and `force`
 * is not set, or when the remote refuses the update (it moved meanwhile:
 * fetch, merge, push again).
 */
export async function push(repo: Repo, remote: Remote, name: string, options: PushOptions = {}): Promise<PushResult> {
  const branch = repo.branch(name);
  const ref = branch.ref;
  const head = await branch.head();
  if (head === undefined) throw new SyncError('not-found', `branch ${name} has no commits to push; write to it first`, { ref });
  const advertised = await remote.discover('git-receive-pack');
  const theirs = advertised.refs.get(ref);
  const tracking = `refs/remotes/${remote.name}/${name}`;
  if (theirs === head) {
    await repo.moveRef(tracking, await repo.backend.refs.read(tracking), head);
    return { kind: 'up-to-date', ref, from: theirs, to: head, objects: 0, bytes: 0 };
  }
  if (theirs !== undefined && !options.force) {
    const known = await repo.backend.objects.has(theirs);
    if (!known || !(await isAncestor((h) => repo.readCommit(h), theirs, head, repo.maxCommits))) {
      const why = known ? 'non-fast-forward' : 'fetch first';
      throw new SyncError('rejected', `push of ${name} to ${remote.url} refused (${why}): the remote has commits this branch lacks; pull, then push again (or force)`, { ref, url: remote.url });
    }
  }
  const haves: Hash[] = [];
  for (const id of advertised.refs.values()) if (await repo.backend.objects.has(id)) haves.push(id);
  const objects = await objectsToSend(repo.backend.objects, [head], haves);
  // Receive-pack takes thin packs unless it says no-thin: trees go as deltas against the versions the remote has.
  const pack = Buffer.concat(encodePack(await withStoredEntries(repo.backend.objects, objects), advertised.capabilities.has('ofs-delta') ? 'ofs' : 'ref', !advertised.capabilities.has('no-thin')));
  options.onProgress?.({ phase: 'sending', objects: objects.length, bytes: pack.length });
  const command = pktLine(`${theirs ?? ZERO_ID} ${head} ${ref}\0report-status side-band-64k agent=grove/0.1\n`);
  const response = await remote.post('git-receive-pack', Buffer.concat([command, FLUSH, pack]));
  checkReport(readSideBand(new PktReader(response)), ref, remote.url);
  await repo.moveRef(tracking, await repo.backend.refs.read(tracking), head);
  return { kind: 'pushed', ref, from: theirs, to: head, objects: objects.length, bytes: pack.length };
}

/** Throws `rejected` unless the report says the pack unpacked and `ref` was updated. */
function checkReport(report: Buffer, ref: string, url: string): void {
  const lines = new PktReader(report).lines();
  const unpack = lines.find((l) => l.startsWith('unpack '));
  if (unpack !== 'unpack ok') throw new SyncError('rejected', `${url} could not store the pack (${unpack ?? 'no report'}); push again`, { ref, url });
  const status = lines.find((l) => l === `ok ${ref}` || l.startsWith(`ng ${ref} `));
  if (status === undefined || status.startsWith('ng ')) {
    const reason = status?.slice(`ng ${ref} `.length) ?? 'no status';
    throw new SyncError('rejected', `${url} refused to update ${ref} (${reason}); fetch, merge and push again`, { ref, url });
  }
}
