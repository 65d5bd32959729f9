/**
 * Test support: the replica model the tests drive. A replica's version is
 * the set of events it has seen; its text is `replay(base, those events)`;
 * it edits that text with a new event whose parents are its heads, and it
 * merges another replica by taking the union (a merge event with no ops
 * when the union has several heads). Also random topological orders and an
 * item-id oracle for what each event deleted.
 */
import { applyEdits, plainEvents, replay, type TextEvent as Event, type TextOp as Op } from './replay.js';
import type { ItemId } from './sequence.js';
import { topoSort } from './topo-sort.js';
import { walk } from './walk.js';

/** Replicas sharing a base text and one pool of events. */
export class Replicas {
  readonly events = new Map<string, Event>();
  readonly versions: Set<string>[];
  private serial = 0;

  constructor(
    readonly base: string,
    count: number,
  ) {
    this.versions = Array.from({ length: count }, () => new Set<string>());
  }

  /** The events replica `r` has seen. */
  eventsOf(r: number): Event[] {
    return [...this.versions[r]!].map((id) => this.events.get(id)!);
  }

  /** The text replica `r` sees. */
  text(r: number): string {
    return replay(this.base, this.eventsOf(r));
  }

  /** Events of replica `r` that no other event it has seen names as a parent. */
  heads(r: number): string[] {
    return headsOf(this.eventsOf(r));
  }

  /** Replica `r` makes one event of `ops` on top of its version; returns it. */
  edit(r: number, ops: readonly Op[]): Event {
    const event: Event = { id: `r${r}.${this.serial++}`, parents: this.heads(r), ops };
    this.events.set(event.id, event);
    this.versions[r]!.add(event.id);
    return event;
  }

  /** Replica `r` takes in everything replica `s` has seen. */
  merge(r: number, s: number): void {
    const v = this.versions[r]!;
    for (const id of this.versions[s]!) v.add(id);
    const heads = this.heads(r);
    if (heads.length > 1) {
      const event: Event = { id: `m${r}.${this.serial++}`, parents: heads, ops: [] };
      this.events.set(event.id, event);
      v.add(event.id);
    }
  }
}

/** Events of the set that no event of the set names as a parent, sorted. */
export function headsOf(events: readonly Event[]): string[] {
  const named = new Set(events.flatMap((e) => e.parents));
  return events.map((e) => e.id).filter((id) => !named.has(id)).sort();
}

/** A topological order of `events` chosen by `random` (values in [0, 1)). */
export function randomTopoOrder(events: readonly Event[], random: () => number): Event[] {
  const ids = new Set(events.map((e) => e.id));
  const placed = new Set<string>();
  let left = [...events];
  const order: Event[] = [];
  while (left.length > 0) {
    const ready = left.filter((e) => e.parents.every((p) => placed.has(p) || !ids.has(p)));
    const pick = ready[Math.floor(random() * ready.length)]!;
    order.push(pick);
    placed.add(pick.id);
    left = left.filter((e) => e !== pick);
  }
  return order;
}

/** A small seeded generator (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A stable string for an item id. */
export function key(id: ItemId): string {
  return `${id.event ?? '^'}/${id.op}/${id.offset}`;
}

/** The text after replaying `order`, a topological order of the events. */
export function textInOrder(base: string, order: readonly Event[]): string {
  const { events, content } = plainEvents(base, order);
  return applyEdits(base, walk(Array.from(base).length, events, 0), content);
}

/** The ids of the visible characters after replaying `order`. */
export function visibleKeys(base: string, order: readonly Event[]): string[] {
  const doc = Array.from(base, (_, offset) => key({ event: null, op: 0, offset }));
  for (const e of walk(doc.length, plainEvents(base, order).events, 0)) {
    if (e.kind === 'delete') doc.splice(e.pos, e.count);
    else doc.splice(e.pos, 0, ...Array.from({ length: e.span.len }, (_, i) => key({ ...e.span, offset: e.span.offset + i })));
  }
  return doc;
}

/**
 * What the events did, by character id: each event's ops run on the ids its
 * author saw (the replay of its ancestors). Returns the ids every event
 * inserted and the ids any event deleted.
 */
export function idOracle(base: string, events: readonly Event[]): { inserted: Set<string>; deleted: Set<string> } {
  const byId = new Map(events.map((e) => [e.id, e]));
  const inserted = new Set(Array.from(base, (_, offset) => key({ event: null, op: 0, offset })));
  const deleted = new Set<string>();
  for (const event of events) {
    const seen = ancestors(event.parents, byId);
    const doc = visibleKeys(base, topoSort(seen));
    event.ops.forEach((op, index) => {
      if (op.kind === 'insert') {
        const ks = Array.from(op.text, (_, offset) => key({ event: event.id, op: index, offset }));
        doc.splice(op.pos, 0, ...ks);
        for (const k of ks) inserted.add(k);
      } else {
        for (const k of doc.splice(op.pos, op.count)) deleted.add(k);
      }
    });
  }
  return { inserted, deleted };
}

/** The events named by `ids` and all their ancestors. */
export function ancestors(ids: readonly string[], byId: ReadonlyMap<string, Event>): Event[] {
  const out = new Map<string, Event>();
  const stack = [...ids];
  for (let id = stack.pop(); id !== undefined; id = stack.pop()) {
    if (out.has(id)) continue;
    const e = byId.get(id)!;
    out.set(id, e);
    stack.push(...e.parents);
  }
  return [...out.values()];
}

/** `ops` applied in order to `text`, positions in code points: the sequential oracle. */
export function applyOps(text: string, ops: readonly Op[]): string {
  const cps = Array.from(text);
  for (const op of ops) {
    if (op.kind === 'insert') cps.splice(op.pos, 0, ...op.text);
    else cps.splice(op.pos, op.count);
  }
  return cps.join('');
}
