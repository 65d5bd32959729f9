/**
 * A whole queue in one byte string (the `Mergeable` encoding): a first
 * line with the clock (`-` when the queue never held an element), then
 * the elements as in a chunk.
 */
import { DecodeError, type Codec } from '@grove/merge';
import { compareStamps, formatStamp } from '../stamp.js';
import { decodeElements, encodeElements } from './element-list.js';
import { parseStamp } from './stamps.js';
import { fromItems, type QueueValue } from './value.js';

const NO_CLOCK = '-';

export function encodeQueue<T>(q: QueueValue<T>, codec: Codec<T>): Uint8Array {
  return encodeElements(q.live(), codec, `${q.clock === undefined ? NO_CLOCK : formatStamp(q.clock)}\n`);
}

/** Throws `DecodeError` (with the offset) unless `bytes` is a canonical encoding. */
export function decodeQueue<T>(bytes: Uint8Array, codec: Codec<T>, tag: string): QueueValue<T> {
  const end = bytes.indexOf(0x0a);
  const line = new TextDecoder('latin1').decode(bytes.subarray(0, Math.max(end, 0)));
  const clock = line === NO_CLOCK ? undefined : parseStamp(line);
  if (end < 0 || (clock === undefined && line !== NO_CLOCK)) {
    throw new DecodeError({ tag, offset: 0, reason: 'expected a first line with the clock (time.seq.replica, or - for none)' });
  }
  const items = decodeElements(bytes, codec, tag, end + 1);
  const last = items.at(-1);
  if (last !== undefined && (clock === undefined || compareStamps(clock, last.stamp) < 0)) {
    throw new DecodeError({ tag, offset: 0, reason: 'the clock is behind the last element' });
  }
  return fromItems(items, clock);
}
