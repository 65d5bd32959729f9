/**
 * Eg-walker's replay: events in a topological order, each applied to the
 * sequence CRDT after moving its prepare version to the event's parents
 * (retreat the events not in the parents' history, advance those that
 * are). See README.md for the picture.
 */
import { assert, unreachable } from '@grove/merge';
import { EventGraphError } from './errors.js';
import { baseItems, deleteAt, insertAt, type Item } from './sequence.js';
import type { Event } from './types.js';

/** What one event did to the items: the ones it created and the ones it deleted. */
interface Effect {
  readonly created: Item[];
  readonly deleted: Item[];
}

/**
 * Replays `order` (a topological order of an event set, parents first) over
 * `base` and returns every item in merged document order; the merged text is
 * the items with `everDeleted` false. The result does not depend on which
 * topological order is given. Throws `EventGraphError` `out-of-range` for an
 * op outside its author's text; asserts the order is topological.
 * O(n · (n + c) + c · k²) for n events, c characters inserted and k items
 * scanned per lookup (k ≤ base + c): history sets are plain sets.
 */
export function walk(base: string, order: readonly Event[]): Item[] {
  const items = baseItems(base);
  const history = new Map<string, Set<string>>();
  const effects = new Map<string, Effect>();
  let current = new Set<string>();
  for (const event of order) {
    const target = new Set<string>();
    for (const p of event.parents) {
      const h = history.get(p);
      assert(h !== undefined, `event ${event.id} comes before its parent ${p}`);
      for (const id of h) target.add(id);
    }
    for (const id of current) if (!target.has(id)) retreat(effects.get(id)!);
    for (const id of target) if (!current.has(id)) advance(effects.get(id)!);
    effects.set(event.id, apply(items, event));
    target.add(event.id);
    history.set(event.id, target);
    current = target;
  }
  return items;
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

/** Runs an event's ops, character by character, on the prepare version. */
function apply(items: Item[], event: Event): Effect {
  const effect: Effect = { created: [], deleted: [] };
  event.ops.forEach((op, index) => {
    checkNatural(op.pos, event.id, index);
    switch (op.kind) {
      case 'insert': {
        let offset = 0;
        for (const char of op.text) {
          effect.created.push(insertAt(items, op.pos + offset, char, { event: event.id, op: index, offset }));
          offset++;
        }
        return;
      }
      case 'delete':
        checkNatural(op.count, event.id, index);
        for (let offset = 0; offset < op.count; offset++) {
          effect.deleted.push(deleteAt(items, op.pos, { event: event.id, op: index, offset }));
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
