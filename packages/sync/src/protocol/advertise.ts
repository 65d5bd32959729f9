/**
 * The ref advertisement of smart HTTP (gitprotocol-http, gitprotocol-pack):
 * `# service=<name>`, a flush, then `<id> <ref>` lines, the first carrying
 * the capabilities after a NUL, then a flush. Encoded by the server, parsed
 * by the client.
 */
import { isHash, type Hash } from '@grove/store';
import { SyncError } from '../errors.js';
import { FLUSH, pktLine, PktReader } from './pkt-line.js';

/** The two services of smart HTTP. */
export type Service = 'git-upload-pack' | 'git-receive-pack';

/** The all-zero id that stands for "no object" (create, delete, empty repository). */
export const ZERO_ID = '0'.repeat(40);

/** What a server advertises: its refs, capabilities, and where HEAD points. */
export interface Advertisement {
  /** Full ref name to id (`refs/heads/main`); HEAD is not included. */
  readonly refs: ReadonlyMap<string, Hash>;
  readonly capabilities: ReadonlySet<string>;
  /** The branch ref HEAD points at, when the server says (`symref=HEAD:...`). */
  readonly head: string | undefined;
}

/** The advertisement body for `service`. `head` is the ref HEAD points at, when it exists. */
export function encodeAdvertisement(service: Service, refs: ReadonlyMap<string, Hash>, capabilities: readonly string[], head: string | undefined): Buffer {
  const lines: [Hash, string][] = [];
  const headId = head === undefined ? undefined : refs.get(head);
  if (headId !== undefined && service === 'git-upload-pack') lines.push([headId, 'HEAD']);
  for (const [name, id] of [...refs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) lines.push([id, name]);
  const caps = [...capabilities, ...(headId !== undefined ? [`symref=HEAD:${head}`] : [])].join(' ');
  const [first = [ZERO_ID, 'capabilities^{}'], ...rest] = lines;
  return Buffer.concat([
    pktLine(`# service=${service}\n`),
    FLUSH,
    pktLine(`${first[0]} ${first[1]}\0${caps}\n`),
    ...rest.map(([id, name]) => pktLine(`${id} ${name}\n`)),
    FLUSH,
  ]);
}

/** Parses the body of `GET info/refs?service=...`. Throws `malformed-pkt-line` or `unsupported`. */
export function parseAdvertisement(body: Buffer, service: Service): Advertisement {
  const reader = new PktReader(body);
  const [banner] = reader.lines();
  if (banner !== `# service=${service}`) {
    throw new SyncError('unsupported', `the server did not answer as a smart HTTP ${service} (got ${JSON.stringify(banner ?? '')}); use a Git smart HTTP URL`);
  }
  const refs = new Map<string, Hash>();
  let capabilities = new Set<string>();
  let first = true;
  for (const line of reader.lines()) {
    const nul = line.indexOf('\0');
    const text = nul < 0 ? line : line.slice(0, nul);
    if (first) capabilities = new Set(nul < 0 ? [] : line.slice(nul + 1).split(' ').filter((c) => c !== ''));
    first = false;
    const [id = '', name = ''] = text.split(' ');
    if (!isHash(id)) throw new SyncError('malformed-pkt-line', `bad ref line ${JSON.stringify(text)} in the advertisement`);
    if (name !== 'HEAD' && name !== 'capabilities^{}' && !name.endsWith('^{}')) refs.set(name, id);
  }
  const symref = [...capabilities].find((c) => c.startsWith('symref=HEAD:'));
  return { refs, capabilities, head: symref?.slice('symref=HEAD:'.length) };
}
