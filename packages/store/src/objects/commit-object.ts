/** Git commit objects: tree, parents, author, committer, message. */
import { StoreError } from '../errors.js';
import { isHash, type Hash } from './hash.js';

/** Who did something and when: seconds since the epoch and a UTC offset in minutes. */
export interface Signature {
  readonly name: string;
  readonly email: string;
  readonly timestamp: number;
  readonly timezoneOffset: number;
}

export interface CommitData {
  readonly tree: Hash;
  readonly parents: readonly Hash[];
  readonly author: Signature;
  readonly committer: Signature;
  readonly message: string;
}

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

function formatSignature(s: Signature): string {
  return `${s.name} <${s.email}> ${s.timestamp} ${formatOffset(s.timezoneOffset)}`;
}

export function encodeCommit(c: CommitData): Buffer {
  const lines = [`tree ${c.tree}`, ...c.parents.map((p) => `parent ${p}`), `author ${formatSignature(c.author)}`, `committer ${formatSignature(c.committer)}`];
  const message = c.message.endsWith('\n') ? c.message : `${c.message}\n`;
  return Buffer.from(`${lines.join('\n')}\n\n${message}`);
}

const SIGNATURE = /^(.*) <(.*)> (\d+) ([+-])(\d\d)(\d\d)$/;

/** Decodes a commit payload; tolerates extra headers Git may write (gpgsig, encoding). */
export function decodeCommit(payload: Uint8Array, hash: Hash): CommitData {
  const text = Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength).toString('utf8');
  const fail = (reason: string): never => {
    throw new StoreError('corrupt-object', `commit ${hash} is corrupt: ${reason}; restore it from another replica`, { hash });
  };
  const split = text.indexOf('\n\n');
  const head = split < 0 ? text : text.slice(0, split);
  const message = split < 0 ? '' : text.slice(split + 2);
  let tree: Hash | undefined;
  const parents: Hash[] = [];
  let author: Signature | undefined;
  let committer: Signature | undefined;
  for (const line of head.split('\n')) {
    if (line.startsWith(' ')) continue;
    const space = line.indexOf(' ');
    const key = line.slice(0, space);
    const value = line.slice(space + 1);
    if (key === 'tree') tree = isHash(value) ? value : fail('bad tree id');
    else if (key === 'parent') parents.push(isHash(value) ? value : fail('bad parent id'));
    else if (key === 'author' || key === 'committer') {
      const m = SIGNATURE.exec(value) ?? fail(`bad ${key} line`);
      const sig = { name: m[1]!, email: m[2]!, timestamp: Number(m[3]), timezoneOffset: (m[4] === '-' ? -1 : 1) * (Number(m[5]) * 60 + Number(m[6])) };
      if (key === 'author') author = sig;
      else committer = sig;
    }
  }
  if (tree === undefined || author === undefined || committer === undefined) fail('missing tree, author or committer');
  return { tree: tree!, parents, author: author!, committer: committer!, message };
}
