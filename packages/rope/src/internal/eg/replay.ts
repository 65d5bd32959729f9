/**
 * The surface of the replay: `transform` (the edits that bring a document
 * holding some events up to all of them) and `replay` (the merged text of
 * text events, for tests and in-memory merges).
 */
import { topoSort } from './topo-sort.js';
import type { Edit, Event, Span } from './types.js';
import { walk } from './walk.js';

/**
 * The edits that turn the document holding the `known` events (a set
 * closed under ancestors; empty: the base) into the document holding every
 * given event, over a base of `baseLength` elements. Merge semantics: every
 * insert survives unless some event deleted it; a deleted element never
 * comes back; concurrent inserts at one place keep each side's run whole,
 * ordered by left/right origins, then by event id. The merged document
 * depends on the event set only. The caller guarantees the base is a
 * critical version: every event descends from it and no other history is
 * concurrent with the events. Throws `EventGraphError` on a malformed
 * graph, an open `known` set or an op outside its author's document.
 * Cost: see walk.ts.
 */
export function transform(baseLength: number, events: readonly Event[], known: ReadonlySet<string> = new Set()): Edit[] {
  const order = topoSort(events, known);
  return walk(baseLength, order, order.filter((e) => known.has(e.id)).length);
}

/** One text operation, positions and counts in code points. */
export type TextOp =
  | { readonly kind: 'insert'; readonly pos: number; readonly text: string }
  | { readonly kind: 'delete'; readonly pos: number; readonly count: number };

/** An event whose ops carry their text. */
export interface TextEvent {
  readonly id: string;
  readonly parents: readonly string[];
  readonly ops: readonly TextOp[];
}

/** Text events as content-free events, and where a span's code points are. */
export function plainEvents(base: string, events: readonly TextEvent[]): { events: Event[]; content: (span: Span) => string[] } {
  const texts = new Map<string, string[][]>();
  const plain = events.map((e): Event => {
    texts.set(e.id, e.ops.map((op) => (op.kind === 'insert' ? Array.from(op.text) : [])));
    return { id: e.id, parents: e.parents, ops: e.ops.map((op) => (op.kind === 'insert' ? { kind: 'insert', pos: op.pos, len: Array.from(op.text).length } : op)) };
  });
  const baseCps = Array.from(base);
  const content = (s: Span) => (s.event === null ? baseCps : texts.get(s.event)![s.op]!).slice(s.offset, s.offset + s.len);
  return { events: plain, content };
}

/** `edits` applied in sequence to the code points of `text`. */
export function applyEdits(text: string, edits: readonly Edit[], content: (span: Span) => string[]): string {
  const cps = Array.from(text);
  for (const e of edits) {
    if (e.kind === 'insert') cps.splice(e.pos, 0, ...content(e.span));
    else cps.splice(e.pos, e.count);
  }
  return cps.join('');
}

/**
 * The text of the version that holds every given event, starting from
 * `base` (see `transform` for the semantics).
 *
 * @example
 * ```ts
 * replay('ac', [
 *   { id: 'x', parents: [], ops: [{ kind: 'insert', pos: 1, text: 'b' }] },
 *   { id: 'y', parents: [], ops: [{ kind: 'delete', pos: 0, count: 1 }] },
 * ]); // 'bc'
 * ```
 */
export function replay(base: string, events: readonly TextEvent[]): string {
  const { events: plain, content } = plainEvents(base, events);
  return applyEdits(base, transform(Array.from(base).length, plain), content);
}
