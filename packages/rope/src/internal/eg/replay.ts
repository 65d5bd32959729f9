/** The merged text of an event set: Eg-walker's replay over a deterministic order. */
import { topoSort } from './topo-sort.js';
import type { Event } from './types.js';
import { walk } from './walk.js';

/**
 * The text of the version that holds every given event, starting from
 * `base`. Merge semantics: every insert survives unless some event deleted
 * it; a deleted character never comes back; concurrent inserts at one place
 * keep each side's run whole, ordered by left/right origins, then by event
 * id. The same event set gives the same text whatever order it is passed
 * in. The caller guarantees `base` is a critical version: every event
 * descends from it and no other history is concurrent with the events.
 * Throws `EventGraphError` on a malformed graph or an op outside its
 * author's text. O(n² + c · k²) for n events, c inserted characters, k
 * items scanned per lookup (k ≤ base + c); see README.md.
 *
 * @example
 * ```ts
 * replay('ac', [
 *   { id: 'x', parents: [], ops: [{ kind: 'insert', pos: 1, text: 'b' }] },
 *   { id: 'y', parents: [], ops: [{ kind: 'delete', pos: 0, count: 1 }] },
 * ]); // 'bc'
 * ```
 */
export function replay(base: string, events: readonly Event[]): string {
  let text = '';
  for (const item of walk(base, topoSort(events))) if (!item.everDeleted) text += item.char;
  return text;
}
