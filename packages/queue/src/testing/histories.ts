/**
 * Test support (not built): queues produced by random edit histories, with
 * values derived from their stamps so that two histories that push the
 * same stamp push the same element (the queue's precondition).
 */
import { codecs } from '@grove/merge';
import * as fc from 'fast-check';
import { queue, formatStamp, type Queue, type QueueType } from '../index.js';
import { nextStamp } from '../internal/stamps.js';

/** Push by `replica` at clock reading `time` (clocks may go backwards), or pop. */
export type Edit = { readonly kind: 'push'; readonly replica: string; readonly time: number } | { readonly kind: 'pop' };

export const edit = (replicas: readonly string[] = ['a', 'b', 'c']): fc.Arbitrary<Edit> =>
  fc.oneof(
    { weight: 3, arbitrary: fc.record({ kind: fc.constant('push' as const), replica: fc.constantFrom(...replicas), time: fc.nat(30) }) },
    { weight: 2, arbitrary: fc.constant({ kind: 'pop' as const }) },
  );

/** String queues with a small fanout (deep trees from few elements), one type per replica. */
export class Histories {
  readonly fanout: number;
  readonly #types = new Map<string, QueueType<string>>();
  #now = 0;

  constructor(fanout = 4) {
    this.fanout = fanout;
  }

  /** The type that pushes as `replica`. */
  type(replica = 'a'): QueueType<string> {
    let t = this.#types.get(replica);
    if (t === undefined) this.#types.set(replica, (t = queue(codecs.string, { replica, fanout: this.fanout, clock: () => this.#now })));
    return t;
  }

  /** `q` after `edits`; each pushed value is its stamp as text. */
  apply(q: Queue<string>, edits: readonly Edit[]): Queue<string> {
    for (const e of edits) {
      if (e.kind === 'pop') {
        const r = this.type().pop(q);
        if (r.ok) q = r.queue;
        continue;
      }
      this.#now = e.time;
      const type = this.type(e.replica);
      q = type.push(q, formatStamp(nextStamp(type.tag, e.time, q.clock, e.replica)));
    }
    return q;
  }

  /** A queue built from nothing by up to `max` edits. */
  queues(max = 12): fc.Arbitrary<Queue<string>> {
    return fc.array(edit(), { maxLength: max }).map((edits) => this.apply(this.type().empty(), edits));
  }
}
