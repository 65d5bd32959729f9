/**
 * Stamps: the identity and the order of a queue's elements. A stamp is a
 * hybrid logical clock reading `(time, seq)` plus the replica that pushed
 * the element; queues hold their elements in stamp order.
 */

/**
 * Who pushed an element, and when. Stamps are ordered by `time`, then
 * `seq`, then `replica` (as strings): a total order, the same on every
 * replica. `seq` counts pushes within one `time`.
 */
export interface Stamp {
  /** Milliseconds from the injected clock, raised to the queue's clock when that is later. */
  readonly time: number;
  readonly seq: number;
  /** The pushing replica's id: 1-64 of `A-Z a-z 0-9 . _ -`. */
  readonly replica: string;
}

/**
 * Negative, zero or positive as `a` sorts before, with or after `b`. O(1)
 * (plus the replica ids' length).
 * @example
 * compareStamps({ time: 5, seq: 0, replica: 'b' }, { time: 5, seq: 1, replica: 'a' }); // < 0
 */
export function compareStamps(a: Stamp, b: Stamp): number {
  if (a.time !== b.time) return a.time - b.time;
  if (a.seq !== b.seq) return a.seq - b.seq;
  return a.replica < b.replica ? -1 : a.replica > b.replica ? 1 : 0;
}

/**
 * A stamp as text, `time.seq.replica`: how it is written in chunks and
 * tree entry names.
 * @example
 * formatStamp({ time: 1700000000000, seq: 2, replica: 'ada' }); // '1700000000000.2.ada'
 */
export function formatStamp(stamp: Stamp): string {
  return `${stamp.time}.${stamp.seq}.${stamp.replica}`;
}
