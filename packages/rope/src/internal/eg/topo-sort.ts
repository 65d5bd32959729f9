/**
 * A deterministic topological order of an event set: parents before
 * children, the events the target already holds (`known`) before the
 * others, and among events ready at the same time the smallest id first
 * (UTF-16 code unit order), so the order depends on the sets alone.
 */
import { EventGraphError } from './errors.js';

/** What the sort reads of an event. */
interface Node {
  readonly id: string;
  readonly parents: readonly string[];
}

/**
 * The events sorted parents-first, `known` ones first, ties broken by id.
 * Throws an `EventGraphError` (`duplicate-event`, `unknown-parent`,
 * `cycle`, `open-known`: a known event with a parent that is not known) on
 * a malformed input. O(n log n + e) for n events and e parent links.
 */
export function topoSort<E extends Node>(events: readonly E[], known: ReadonlySet<string> = new Set()): E[] {
  const byId = new Map<string, E>();
  for (const e of events) {
    if (byId.has(e.id)) {
      throw new EventGraphError('duplicate-event', `two events have the id ${JSON.stringify(e.id)}; give each event once`, { event: e.id });
    }
    byId.set(e.id, e);
  }
  const waiting = new Map<string, number>();
  const children = new Map<string, string[]>();
  for (const e of events) {
    const parents = new Set(e.parents);
    for (const p of parents) {
      if (!byId.has(p)) {
        throw new EventGraphError(
          'unknown-parent',
          `event ${JSON.stringify(e.id)} names the parent ${JSON.stringify(p)}, which is not given; pass every event since the base`,
          { event: e.id, parent: p },
        );
      }
      if (known.has(e.id) && !known.has(p)) {
        throw new EventGraphError(
          'open-known',
          `event ${JSON.stringify(e.id)} is known but its parent ${JSON.stringify(p)} is not; the known events must hold their ancestors`,
          { event: e.id, parent: p },
        );
      }
      const list = children.get(p);
      if (list) list.push(e.id);
      else children.set(p, [e.id]);
    }
    waiting.set(e.id, parents.size);
  }
  // Known events sort first: their keys start with 0, the others' with 1.
  const keyOf = (id: string) => (known.has(id) ? '0' : '1') + id;
  const ready = new MinHeap();
  for (const [id, n] of waiting) if (n === 0) ready.push(keyOf(id));
  const order: E[] = [];
  for (let key = ready.pop(); key !== undefined; key = ready.pop()) {
    const id = key.slice(1);
    order.push(byId.get(id)!);
    for (const c of children.get(id) ?? []) {
      const n = waiting.get(c)! - 1;
      waiting.set(c, n);
      if (n === 0) ready.push(keyOf(c));
    }
  }
  if (order.length < events.length) {
    const stuck = [...waiting].find(([, n]) => n > 0)![0];
    throw new EventGraphError('cycle', `event ${JSON.stringify(stuck)} is its own ancestor; an edit history has no cycles`, { event: stuck });
  }
  return order;
}

/** A binary min-heap of strings in code unit order. */
class MinHeap {
  private readonly a: string[] = [];

  push(s: string): void {
    const a = this.a;
    a.push(s);
    for (let i = a.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (a[p]! <= a[i]!) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }

  pop(): string | undefined {
    const a = this.a;
    const top = a[0];
    const last = a.pop();
    if (a.length > 0 && last !== undefined) {
      a[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]! < a[m]!) m = l;
        if (r < a.length && a[r]! < a[m]!) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}
