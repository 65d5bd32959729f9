/**
 * The server side of push (`POST /git-receive-pack`): parse the ref update
 * commands and the pack, verify the whole pack, `git fsck --strict` on each
 * received object, and connectivity before storing anything, then move each
 * ref by compare-and-set and report per ref (report-status), over
 * side-band-64k when asked.
 */
import { isGroveError } from '@grove/merge';
import { checkBranchName, isHash, type Hash, type RawObject, type Repo } from '@grove/store';
import { SyncError } from '../errors.js';
import { ZERO_ID } from './advertise.js';
import { firstMissing } from './connectivity.js';
import { firstFsckProblem, fsckReason } from './fsck.js';
import { parsePack, storePack } from './pack-parse.js';
import { FLUSH, pktLine, PktReader } from './pkt-line.js';
import { sideBand } from './side-band.js';

/** The capabilities receive-pack advertises. */
export const RECEIVE_CAPABILITIES = ['report-status', 'delete-refs', 'side-band-64k', 'ofs-delta', 'agent=grove/0.1'];

/** One ref update a client asks for; undefined ids mean create (old) or delete (new). */
export interface RefCommand {
  readonly ref: string;
  readonly old: Hash | undefined;
  readonly new: Hash | undefined;
}

/** The outcome for one ref: `ok`, or the reason it was refused. */
export interface RefResult {
  readonly ref: string;
  readonly error?: string;
}

/** Parses the commands and returns them with the capabilities and the pack bytes that follow. */
export function parseReceiveRequest(body: Buffer): { commands: RefCommand[]; capabilities: Set<string>; pack: Buffer } {
  const reader = new PktReader(body);
  const commands: RefCommand[] = [];
  let capabilities = new Set<string>();
  for (let packet = reader.read(); packet.kind !== 'flush'; packet = reader.read()) {
    const at = reader.offset;
    if (packet.kind !== 'data') throw new SyncError('malformed-pkt-line', `unexpected delimiter before byte ${at}`, { offset: at });
    const text = packet.data.toString('utf8').replace(/\n$/, '');
    const nul = text.indexOf('\0');
    if (commands.length === 0 && nul >= 0) capabilities = new Set(text.slice(nul + 1).split(' ').filter((c) => c !== ''));
    const [old = '', next = '', ref = '', ...extra] = (nul < 0 ? text : text.slice(0, nul)).split(' ');
    if (!isHash(old) || !isHash(next) || ref === '' || extra.length > 0) {
      throw new SyncError('malformed-pkt-line', `bad command ${JSON.stringify(text.slice(0, 120))} before byte ${at}; send "<old-id> <new-id> <ref>"`, { offset: at });
    }
    commands.push({ ref, old: old === ZERO_ID ? undefined : old, new: next === ZERO_ID ? undefined : next });
  }
  if (commands.length === 0) throw new SyncError('bad-request', 'no ref update commands; name at least one ref to update');
  return { commands, capabilities, pack: reader.rest() };
}

/** A reason to refuse `ref` as a push target, or undefined when it is a branch or tag name. */
function badRefName(ref: string): string | undefined {
  const name = ref.startsWith('refs/heads/') ? ref.slice(11) : ref.startsWith('refs/tags/') ? ref.slice(10) : undefined;
  if (name === undefined) return 'funny refname';
  try {
    checkBranchName(name);
    return undefined;
  } catch {
    return 'funny refname';
  }
}

/**
 * Applies a push to `repo`: verifies the pack (throws `bad-pack`, storing
 * nothing), refuses every command when a received object fails
 * `git fsck --strict` (as Git's `receive.fsckObjects`; nothing stored, no
 * ref moved), checks each command (name, connectivity), writes the objects,
 * then moves each accepted ref from its `old` id by compare-and-set
 * (`fetch first` when it moved meanwhile, so racing pushes never lose a commit).
 */
export async function receivePack(repo: Repo, commands: readonly RefCommand[], pack: Buffer): Promise<RefResult[]> {
  const needsPack = commands.some((c) => c.new !== undefined);
  const parsed = needsPack || pack.length > 0 ? await parsePack(pack, (h) => repo.backend.objects.read(h)) : { entries: [], thin: false };
  const received = new Map(parsed.entries.map(({ object }) => [object.hash, object]));
  const problem = firstFsckProblem(received.values());
  if (problem !== undefined) return commands.map((c) => ({ ref: c.ref, error: fsckReason(problem) }));
  const checked: RefResult[] = [];
  for (const c of commands) {
    const reason = badRefName(c.ref) ?? (c.new === undefined ? undefined : await missingReason(c.ref, c.new, received, repo));
    checked.push(reason === undefined ? { ref: c.ref } : { ref: c.ref, error: reason });
  }
  if (checked.some((r) => r.error === undefined)) await storePack(repo.backend.objects, pack, parsed);
  const results: RefResult[] = [];
  for (const [i, c] of commands.entries()) {
    if (checked[i]!.error !== undefined) results.push(checked[i]!);
    else if (await repo.moveRef(c.ref, c.old, c.new)) results.push({ ref: c.ref });
    else results.push({ ref: c.ref, error: 'fetch first' });
  }
  return results;
}

/** Why `ref` may not point at `tip`: not a commit (or for a tag, a tag object), or its history lacks objects. */
async function missingReason(ref: string, tip: Hash, received: ReadonlyMap<Hash, RawObject>, repo: Repo): Promise<string | undefined> {
  try {
    const missing = await firstMissing([tip], received, repo.backend.objects);
    if (missing !== undefined) return 'missing necessary objects';
    const type = (received.get(tip) ?? (await repo.backend.objects.read(tip)))?.type;
    return type === 'commit' || (type === 'tag' && ref.startsWith('refs/tags/')) ? undefined : 'not a commit';
  } catch (error) {
    if (isGroveError(error)) throw new SyncError('bad-pack', `${error.message}; nothing was stored`, {}, { cause: error });
    throw error;
  }
}

/** The report-status response, in side-band 1 when `sideBanded`. */
export function reportStatus(results: readonly RefResult[], sideBanded: boolean, unpack = 'ok'): Buffer[] {
  const report = Buffer.concat([
    pktLine(`unpack ${unpack}\n`),
    ...results.map((r) => pktLine(r.error === undefined ? `ok ${r.ref}\n` : `ng ${r.ref} ${r.error}\n`)),
    FLUSH,
  ]);
  return sideBanded ? [...sideBand(1, report), FLUSH] : [report];
}
