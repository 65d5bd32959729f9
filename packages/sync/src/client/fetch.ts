/**
 * `fetch`: bring the remote's branches in as remote-tracking refs
 * (`refs/remotes/<remote>/<branch>`), receiving only the objects missing
 * here. The pack is verified whole before any object is stored.
 */
import type { Hash, Repo } from '@grove/store';
import { SyncError } from '../errors.js';
import { firstMissing } from '../protocol/connectivity.js';
import { parsePack, storePack } from '../protocol/pack-parse.js';
import { FLUSH, pktLine, PktReader, textOf } from '../protocol/pkt-line.js';
import { readSideBand } from '../protocol/side-band.js';
import { localHaves } from './haves.js';
import type { Progress, Remote } from './remote.js';

const HEADS = 'refs/heads/';
const WANT_CAPABILITIES = 'multi_ack_detailed side-band-64k thin-pack ofs-delta no-progress agent=grove/0.1';

/** One remote-tracking ref that moved. */
export interface RefUpdate {
  readonly ref: string;
  readonly from: Hash | undefined;
  readonly to: Hash | undefined;
}

/** What a fetch did. */
export interface FetchResult {
  /** The remote's branches: name to head. */
  readonly heads: ReadonlyMap<string, Hash>;
  /** The remote-tracking refs that moved. */
  readonly updated: readonly RefUpdate[];
  /** Objects and pack bytes received. */
  readonly objects: number;
  readonly bytes: number;
}

/** Options of fetch, pull and push. */
export interface TransferOptions {
  readonly onProgress?: (progress: Progress) => void;
}

/**
 * Fetches every branch of `remote` into `refs/remotes/<remote.name>/`,
 * writing only missing objects. Branches gone from the remote are removed.
 * Throws `unreachable`, `auth`, `bad-pack` or `missing-objects`.
 */
export async function fetch(repo: Repo, remote: Remote, options: TransferOptions = {}): Promise<FetchResult> {
  const advertised = await remote.discover('git-upload-pack');
  const heads = new Map<string, Hash>();
  for (const [ref, id] of advertised.refs) if (ref.startsWith(HEADS)) heads.set(ref.slice(HEADS.length), id);
  const wants = [...new Set(heads.values())];
  const missing: Hash[] = [];
  for (const id of wants) if (!(await repo.backend.objects.has(id))) missing.push(id);
  let objects = 0;
  let bytes = 0;
  if (missing.length > 0) {
    const pack = await requestPack(remote, missing, await localHaves(repo, remote.name));
    bytes = pack.length;
    options.onProgress?.({ phase: 'receiving', objects: 0, bytes });
    const parsed = await parsePack(pack, (h) => repo.backend.objects.read(h));
    objects = parsed.entries.length;
    const byHash = new Map(parsed.entries.map(({ object }) => [object.hash, object]));
    const absent = await firstMissing(missing, byHash, repo.backend.objects);
    if (absent !== undefined) throw new SyncError('missing-objects', `${remote.url} sent a pack without ${absent}, which the fetched branches need; nothing was stored, fetch again`, { hash: absent });
    await storePack(repo.backend.objects, pack, parsed);
    options.onProgress?.({ phase: 'receiving', objects, bytes });
  }
  return { heads, updated: await updateTracking(repo, remote.name, heads), objects, bytes };
}

/** Posts wants and haves with `done`; returns the pack the server sends back. */
async function requestPack(remote: Remote, wants: readonly Hash[], haves: readonly Hash[]): Promise<Buffer> {
  const body = Buffer.concat([
    ...wants.map((id, i) => pktLine(i === 0 ? `want ${id} ${WANT_CAPABILITIES}\n` : `want ${id}\n`)),
    FLUSH,
    ...haves.map((id) => pktLine(`have ${id}\n`)),
    pktLine('done\n'),
  ]);
  const reader = new PktReader(await remote.post('git-upload-pack', body));
  // ACK lines for common commits, then the final ACK or NAK, then the pack.
  for (;;) {
    const packet = reader.read();
    if (packet.kind !== 'data') continue;
    const line = textOf(packet.data);
    if (line === 'NAK' || /^ACK [0-9a-f]{40}$/.test(line)) break;
    if (line.startsWith('ERR ')) throw new SyncError('rejected', `${remote.url} refused the fetch: ${line.slice(4)}`, { url: remote.url });
    if (!line.startsWith('ACK ')) throw new SyncError('malformed-pkt-line', `unexpected ${JSON.stringify(line.slice(0, 80))} in the fetch response`, { offset: reader.offset });
  }
  return readSideBand(reader);
}

/** Moves `refs/remotes/<name>/*` to the remote's heads (and drops the ones it no longer has). */
async function updateTracking(repo: Repo, name: string, heads: ReadonlyMap<string, Hash>): Promise<RefUpdate[]> {
  const prefix = `refs/remotes/${name}/`;
  const current = await repo.backend.refs.list(prefix);
  const updated: RefUpdate[] = [];
  const move = async (ref: string, from: Hash | undefined, to: Hash | undefined) => {
    if (from !== to && (await repo.moveRef(ref, from, to))) updated.push({ ref, from, to });
  };
  for (const [branch, id] of heads) await move(prefix + branch, current.get(prefix + branch), id);
  for (const [ref, id] of current) if (!heads.has(ref.slice(prefix.length))) await move(ref, id, undefined);
  return updated;
}
