/** `lww`: last-writer-wins registers stamped by an injected clock. */
import { DecodeError, EncodeError } from '../errors.js';
import { describeValue } from '../internal/describe.js';
import { compareBytes, fromUtf8, utf8 } from '../internal/bytes.js';
import { frame, unframe } from '../internal/frame.js';
import type { Codec, Mergeable } from '../mergeable.js';
import { idempotent } from './default.js';
import { composeTag } from '../tags.js';

/** A value with the time and replica that wrote it. */
export interface Stamped<T> {
  readonly value: T;
  /** Milliseconds (or any integer clock); must be a safe integer >= 0. */
  readonly time: number;
  readonly replica: string;
}

/** Where stamps come from: inject a fake clock in tests. */
export interface LwwOptions {
  readonly clock?: () => number;
  readonly replica?: string;
}

/** A last-writer-wins register type, able to stamp new writes. */
export interface Lww<T> extends Mergeable<Stamped<T>> {
  /** Stamps `value` with this replica and the clock's current time. */
  stamp(value: T): Stamped<T>;
}

const TIME = /^(0|[1-9][0-9]*)$/;

/**
 * A last-writer-wins register. Merge: a change on one side wins; when both
 * sides changed, the later `time` wins, then the greater `replica`, then the
 * greater encoded value: a total order, so the result does not depend on
 * which side is "ours". Never conflicts. O(size of the value).
 * @example
 * const title = lww(codecs.string, { clock: () => 5, replica: 'a' });
 * title.stamp('Hello'); // { value: 'Hello', time: 5, replica: 'a' }
 */
export function lww<T>(codec: Codec<T>, options: LwwOptions = {}): Lww<T> {
  const tag = composeTag('grove/lww@1', [codec.tag]);
  const clock = options.clock ?? Date.now;
  const replica = options.replica ?? '';
  const encode = (s: Stamped<T>) => {
    if (typeof s !== 'object' || s === null) throw new EncodeError({ tag, reason: `expected { value, time, replica }, not ${describeValue(s)}` });
    if (!Number.isSafeInteger(s.time) || s.time < 0) throw new EncodeError({ tag, reason: `time ${String(s.time)} is not a safe integer >= 0; use the clock's milliseconds` });
    if (typeof s.replica !== 'string' || !s.replica.isWellFormed()) throw new EncodeError({ tag, reason: 'replica is not a well-formed string' });
    return frame([utf8(String(s.time)), utf8(s.replica), codec.encode(s.value)]);
  };
  const later = (a: Stamped<T>, b: Stamped<T>): boolean =>
    a.time !== b.time ? a.time > b.time : a.replica !== b.replica ? a.replica > b.replica : compareBytes(codec.encode(a.value), codec.encode(b.value)) > 0;
  const base = idempotent<Stamped<T>>({
    tag,
    encode,
    decode(bytes) {
      const [time, by, value, ...rest] = unframe(bytes, tag);
      const timeText = time === undefined ? undefined : fromUtf8(time);
      const replicaText = by === undefined ? undefined : fromUtf8(by);
      if (value === undefined || rest.length > 0 || timeText === undefined || replicaText === undefined || !TIME.test(timeText)) {
        throw new DecodeError({ tag, offset: 0, reason: 'expected three parts: time, replica, value' });
      }
      return { time: Number(timeText), replica: replicaText, value: codec.decode(value) };
    },
    equals: (a, b) => compareBytes(encode(a), encode(b)) === 0,
    merge: ({ ours, theirs }) => ({ ok: true, value: later(ours, theirs) ? ours : theirs }),
  });
  return { ...base, stamp: (value) => ({ value, time: clock(), replica }) };
}
