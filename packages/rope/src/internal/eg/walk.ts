/**
 * Eg-walker's replay: events in a topological order, each applied to the
 * sequence CRDT after moving its prepare version to the event's parents
 * (retreat the events not in the parents' history, advance those that
 * are). Events the target document already holds come first and only
 * build the state; each later event's ops come out as edits of the merged
 * document. See README.md for the picture.
 */
import { assert, unreachable } from '@grove/merge';
import { EventGraphError } from './errors.js';
import { baseItems, deleteAt, effectPosition, insertAt, visible, type Item } from './sequence.js';
import type { Edit, Event, Op, Span } from './types.js';

/** What one event did to the items: the ones it created and the ones it deleted. */
interface Effect {
  readonly created: Item[];
  readonly deleted: Item[];
}

/**
 * Replays `order` (a topological order of an event set, parents first, the
 * first `known` of them the events the target document holds) over a base
 * of `baseLength` elements, and returns the edits that turn the target
 * into the merged document. The result does not depend on which
 * topological order is given. Throws `EventGraphError` `out-of-range` for
 * an op outside its author's document; asserts the order is topological.
 * O(n · (n + c) + c · k²) for n events, c elements inserted and k items
 * scanned per lookup (k ≤ base + c): history sets are plain sets.
 */
export function walk(baseLength: number, order: readonly Event[], known: number): Edit[] {
  const items = baseItems(baseLength);
  const history = new Map<string, Set<string>>();
  const effects = new Map<string, Effect>();
  const edits: Edit[] = [];
  let current = new Set<string>();
  order.forEach((event, index) => {
    const target = new Set<string>();
    for (const p of event.parents) {
      const h = history.get(p);
      assert(h !== undefined, `event ${event.id} comes before its parent ${p}`);
      for (const id of h) target.add(id);
    }
    for (const id of current) if (!target.has(id)) retreat(effects.get(id)!);
    for (const id of target) if (!current.has(id)) advance(effects.get(id)!);
    effects.set(event.id, apply(items, event, index < known ? undefined : edits));
    target.add(event.id);
    history.set(event.id, target);
    current = target;
  });
  return edits;
}

/** Takes an event out of the prepare version. Commutes with other retreats and advances. */
function retreat(effect: Effect): void {
  for (const item of effect.created) item.inserted = false;
  for (const item of effect.deleted) item.deletes--;
}

/** Puts an event back into the prepare version. */
function advance(effect: Effect): void {
  for (const item of effect.created) item.inserted = true;
  for (const item of effect.deleted) item.deletes++;
}

/** The prepare version as spans, for an event whose ops depend on it. */
function seen(items: readonly Item[]): Span[] {
  const spans: Span[] = [];
  for (const { id } of items.filter(visible)) {
    const last = spans.at(-1);
    if (last !== undefined && last.event === id.event && last.op === id.op && last.offset + last.len === id.offset) {
      spans[spans.length - 1] = { ...last, len: last.len + 1 };
    } else {
      spans.push({ event: id.event, op: id.op, offset: id.offset, len: 1 });
    }
  }
  return spans;
}

/** Appends `edit` to `edits`, joining it to the previous edit when it continues it. */
function push(edits: Edit[], edit: Edit): void {
  const last = edits.at(-1);
  if (last?.kind === 'insert' && edit.kind === 'insert') {
    const [a, b] = [last.span, edit.span];
    if (a.event === b.event && a.op === b.op && a.offset + a.len === b.offset && last.pos + a.len === edit.pos) {
      edits[edits.length - 1] = { ...last, span: { ...a, len: a.len + 1 } };
      return;
    }
  }
  if (last?.kind === 'delete' && edit.kind === 'delete' && last.pos === edit.pos) {
    edits[edits.length - 1] = { ...last, count: last.count + edit.count };
    return;
  }
  edits.push(edit);
}

/**
 * Runs an event's ops, element by element, on the prepare version; with
 * `edits`, also writes what they do to the merged document.
 */
function apply(items: Item[], event: Event, edits: Edit[] | undefined): Effect {
  const effect: Effect = { created: [], deleted: [] };
  const ops: readonly Op[] = typeof event.ops === 'function' ? event.ops(seen(items)) : event.ops;
  ops.forEach((op, index) => {
    checkNatural(op.pos, event.id, index);
    switch (op.kind) {
      case 'insert':
        checkNatural(op.len, event.id, index);
        for (let offset = 0; offset < op.len; offset++) {
          const at = insertAt(items, op.pos + offset, { event: event.id, op: index, offset });
          effect.created.push(items[at]!);
          if (edits) push(edits, { kind: 'insert', pos: effectPosition(items, at), span: { event: event.id, op: index, offset, len: 1 } });
        }
        return;
      case 'delete':
        checkNatural(op.count, event.id, index);
        for (let offset = 0; offset < op.count; offset++) {
          const at = deleteAt(items, op.pos, { event: event.id, op: index, offset });
          const item = items[at]!;
          effect.deleted.push(item);
          if (item.everDeleted) continue;
          if (edits) push(edits, { kind: 'delete', pos: effectPosition(items, at), count: 1 });
          item.everDeleted = true;
        }
        return;
      default:
        unreachable(op);
    }
  });
  return effect;
}

function checkNatural(n: number, event: string, op: number): void {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new EventGraphError('out-of-range', `op ${op} of event ${JSON.stringify(event)} has position or count ${n}; use a whole number ≥ 0`, {
      event,
      op,
      position: n,
    });
  }
}
