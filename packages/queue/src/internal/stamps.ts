/**
 * Issuing and reading stamps. A push takes a stamp above the queue's clock
 * (a hybrid logical clock), so stamps never repeat on a branch and a
 * producer's later push always sorts after its earlier ones.
 */
import { QueueError } from '../errors.js';
import type { Stamp } from '../stamp.js';

const REPLICA = /^[A-Za-z0-9._-]{1,64}$/;

/** Throws `invalid-option` unless `replica` can be written in a stamp. */
export function checkReplica(tag: string, replica: string): void {
  if (typeof replica !== 'string' || !REPLICA.test(replica)) {
    throw new QueueError('invalid-option', `replica id ${JSON.stringify(replica)} is not usable; use 1-64 of A-Z a-z 0-9 . _ -, one id per writer`, { tag, option: 'replica', value: replica });
  }
}

/** A random replica id (64 bits), for writers that do not name themselves. */
export function randomReplica(): string {
  return globalThis.crypto.randomUUID().replaceAll('-', '').slice(0, 16);
}

/**
 * The stamp of a push at clock reading `now` on a queue whose clock is
 * `last`: `(max(now, last.time), seq)`, with `seq` one above `last.seq`
 * when the time did not move. Always greater than `last`.
 */
export function nextStamp(tag: string, now: number, last: Stamp | undefined, replica: string): Stamp {
  if (!Number.isSafeInteger(now) || now < 0) {
    throw new QueueError('invalid-clock', `the clock returned ${String(now)}; a queue clock returns a safe integer >= 0 (milliseconds)`, { tag, option: 'clock', value: now });
  }
  if (last === undefined || now > last.time) return { time: now, seq: 0, replica };
  return { time: last.time, seq: last.seq + 1, replica };
}

/** Character codes of a text or of bytes, by position. */
type Codes = (at: number) => number;

const DOT = 0x2e;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isReplicaChar = (c: number) => isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === DOT || c === 0x5f || c === 0x2d;

/** A canonical decimal (no leading zero) in `[start, end)`, or -1. */
export function naturalAt(code: Codes, start: number, end: number): number {
  if (end <= start || end - start > 16 || (code(start) === 0x30 && end - start > 1)) return -1;
  let n = 0;
  for (let i = start; i < end; i++) {
    const c = code(i);
    if (!isDigit(c)) return -1;
    n = n * 10 + (c - 0x30);
  }
  return Number.isSafeInteger(n) ? n : -1;
}

/** The replica id in `[start, end)`: `same` when it spells the same id (runs of one writer's stamps share one string). */
function replicaAt(code: Codes, start: number, end: number, same: string | undefined): string | undefined {
  let equal = same !== undefined && same.length === end - start;
  for (let i = start; i < end; i++) {
    const c = code(i);
    if (!isReplicaChar(c)) return undefined;
    equal &&= same!.charCodeAt(i - start) === c;
  }
  if (equal) return same;
  let replica = '';
  for (let i = start; i < end; i++) replica += String.fromCharCode(code(i));
  return replica;
}

/**
 * Reads `time.seq.replica` in `[start, end)` of `code`; undefined unless it
 * is a canonical stamp. `previous` lends its replica string when equal.
 */
export function stampAt(code: Codes, start: number, end: number, previous?: Stamp): Stamp | undefined {
  let [first, second] = [-1, -1];
  for (let i = start; i < end && second < 0; i++) if (code(i) === DOT) [first, second] = first < 0 ? [i, -1] : [first, i];
  if (second < 0 || end - second - 1 < 1 || end - second - 1 > 64) return undefined;
  const replica = replicaAt(code, second + 1, end, previous?.replica);
  if (replica === undefined) return undefined;
  const [time, seq] = [naturalAt(code, start, first), naturalAt(code, first + 1, second)];
  return time < 0 || seq < 0 ? undefined : { time, seq, replica };
}

/** Reads a stamp written as text (an entry name, the clock blob). */
export function parseStamp(text: string): Stamp | undefined {
  return stampAt((i) => text.charCodeAt(i), 0, text.length);
}
