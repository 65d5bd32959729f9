/**
 * The server side of fetch and clone (`POST /git-upload-pack`, stateless
 * smart HTTP, protocol v0/v1 with multi_ack_detailed): parse wants and
 * haves, acknowledge common commits, and after `done` send the pack of
 * missing objects, over side-band-64k when the client asked for it.
 */
import { isHash, type Hash, type ObjectStore } from '@grove/store';
import { SyncError } from '../errors.js';
import { encodePack } from './pack-encode.js';
import { withStoredEntries } from './pack-reuse.js';
import { FLUSH, pktLine, PktReader } from './pkt-line.js';
import { sideBand } from './side-band.js';
import { objectsToSend } from './walk.js';

/** The capabilities upload-pack advertises (no shallow, no filters). */
export const UPLOAD_CAPABILITIES = ['multi_ack_detailed', 'side-band-64k', 'thin-pack', 'ofs-delta', 'no-progress', 'agent=grove/0.1'];

/** A parsed upload-pack request. */
export interface UploadRequest {
  readonly wants: readonly Hash[];
  readonly haves: readonly Hash[];
  readonly capabilities: ReadonlySet<string>;
  readonly done: boolean;
}

/** Parses a request body. Throws `malformed-pkt-line` or `unsupported` with what to change. */
export function parseUploadRequest(body: Buffer): UploadRequest {
  const reader = new PktReader(body);
  const wants: Hash[] = [];
  const haves: Hash[] = [];
  let capabilities = new Set<string>();
  let done = false;
  let wantsEnded = false;
  while (!reader.done && !done) {
    const at = reader.offset;
    const packet = reader.read();
    if (packet.kind === 'flush') {
      wantsEnded = true;
      continue;
    }
    if (packet.kind !== 'data') throw new SyncError('malformed-pkt-line', `unexpected delimiter at byte ${at}; upload-pack v0 has none`, { offset: at });
    const [verb = '', id = '', ...caps] = packet.data.toString('utf8').trim().split(' ');
    if (verb === 'done') done = true;
    else if (verb === 'want' && !wantsEnded && isHash(id)) {
      if (wants.length === 0) capabilities = new Set(caps);
      wants.push(id);
    } else if (verb === 'have' && wantsEnded && isHash(id)) haves.push(id);
    else if (verb === 'shallow' || verb === 'deepen' || verb.startsWith('deepen-') || verb === 'filter') {
      throw new SyncError('unsupported', `${verb} is not supported by this server; fetch the whole history`, { offset: at });
    } else throw new SyncError('malformed-pkt-line', `unexpected ${JSON.stringify(verb)} line at byte ${at}; send want lines, a flush, then have lines`, { offset: at });
  }
  if (wants.length === 0) throw new SyncError('bad-request', 'no want lines; name at least one commit to fetch');
  return { wants, haves, capabilities, done };
}

/** Lookups in flight at once: a disk store answers them from its thread pool in parallel. */
const LOOKUPS = 32;

/**
 * The haves `store` has, in request order, each looked up once.
 * O(haves) lookups, `LOOKUPS` at a time.
 */
async function present(store: ObjectStore, haves: readonly Hash[]): Promise<Hash[]> {
  const unique = [...new Set(haves)];
  const found = new Array<boolean>(unique.length).fill(false);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < unique.length; i = next++) found[i] = await store.has(unique[i]!);
  };
  await Promise.all(Array.from({ length: Math.min(LOOKUPS, unique.length) }, worker));
  return unique.filter((_, i) => found[i]);
}

/**
 * The response to `request` against `store`: ACK/NAK lines, and after
 * `done` the pack. Each want must be a commit the store has.
 */
export async function uploadPack(store: ObjectStore, request: UploadRequest): Promise<Buffer[]> {
  for (const want of request.wants) {
    if ((await store.read(want))?.type !== 'commit') throw new SyncError('not-found', `want ${want} is not a commit here; fetch one of the advertised refs`, { hash: want });
  }
  const common = await present(store, request.haves);
  if (!request.done) {
    return [...common.map((h) => pktLine(`ACK ${h} common\n`)), pktLine('NAK\n')];
  }
  const last = common.at(-1);
  const out = [pktLine(last === undefined ? 'NAK\n' : `ACK ${last}\n`)];
  const entries = await withStoredEntries(store, await objectsToSend(store, request.wants, common));
  const pack = encodePack(entries, request.capabilities.has('ofs-delta') ? 'ofs' : 'ref', request.capabilities.has('thin-pack'));
  if (!request.capabilities.has('side-band-64k')) return [...out, ...pack];
  return [...out, ...sideBand(1, Buffer.concat(pack)), FLUSH];
}
