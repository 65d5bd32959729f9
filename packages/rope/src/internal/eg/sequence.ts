/**
 * The transient sequence CRDT a replay runs through: one item per element
 * ever inserted, in document order, tombstones kept. Each item knows
 * whether it exists in the version being prepared (`inserted`, `deletes`)
 * and whether any event replayed so far deleted it (`everDeleted`).
 * Concurrent inserts are ordered by left/right origins (YjsMod integration,
 * which yields the FugueMax order), ties by item id. A plain array: every
 * lookup is a linear scan (see README.md).
 */
import { assert } from '@grove/merge';
import { EventGraphError } from './errors.js';

/** Which element an item is: element `offset` of op `op` of event `event`; `event` is `null` for the base. */
export interface ItemId {
  readonly event: string | null;
  readonly op: number;
  readonly offset: number;
}

/** One element of the merged history. */
export interface Item {
  readonly id: ItemId;
  /** The item just left of the insertion point in its author's version; `undefined` = document start. */
  readonly originLeft: Item | undefined;
  /** The item just right of it (tombstones included); `undefined` = document end. */
  readonly originRight: Item | undefined;
  /** True when the insert is in the prepare version (false: "not yet inserted"). */
  inserted: boolean;
  /** How many deletes in the prepare version target this item. */
  deletes: number;
  /** True once any replayed event deleted it: it stays deleted in the result. */
  everDeleted: boolean;
}

/** Total order on ids of concurrent items: event id (code units), then op, then offset. */
export function compareIds(a: ItemId, b: ItemId): number {
  if (a.event !== b.event) {
    if (a.event === null) return -1;
    if (b.event === null) return 1;
    return a.event < b.event ? -1 : 1;
  }
  return a.op - b.op || a.offset - b.offset;
}

/** The base document as items that every version holds. O(n). */
export function baseItems(length: number): Item[] {
  return Array.from({ length }, (_, offset) => ({
    id: { event: null, op: 0, offset },
    originLeft: undefined,
    originRight: undefined,
    inserted: true,
    deletes: 0,
    everDeleted: false,
  }));
}

/** True for an item present in the prepare version. */
export function visible(item: Item): boolean {
  return item.inserted && item.deletes === 0;
}

function outOfRange(id: ItemId, pos: number, length: number): EventGraphError {
  return new EventGraphError(
    'out-of-range',
    `op ${id.op} of event ${JSON.stringify(id.event)} reaches position ${pos} of a ${length}-element document; ops must fit the document their author saw`,
    { event: id.event ?? '', op: id.op, position: pos, length },
  );
}

/** The index just after the `pos`-th visible item (0 for `pos` 0). O(items). */
function indexAfter(items: readonly Item[], pos: number, id: ItemId): number {
  let i = 0;
  for (let seen = 0; seen < pos; i++) {
    const item = items[i];
    if (item === undefined) throw outOfRange(id, pos, seen);
    if (visible(item)) seen++;
  }
  return i;
}

/** How many items before index `i` no event deleted: the position in the merged document. O(i). */
export function effectPosition(items: readonly Item[], i: number): number {
  let n = 0;
  for (let k = 0; k < i; k++) if (!items[k]!.everDeleted) n++;
  return n;
}

/**
 * Inserts an element at visible position `pos` of the prepare version and
 * returns the index of its item. Among the not-yet-inserted items between
 * its origins (concurrent inserts at the same place) it goes where YjsMod
 * puts it: after items whose left origin is further right (they hang off
 * its own run), before those with a left origin further left, and, for the
 * same origins, before items with a greater id. O(items²) worst case,
 * O(items) when nothing concurrent sits at the place.
 */
export function insertAt(items: Item[], pos: number, id: ItemId): number {
  const at = indexAfter(items, pos, id);
  const leftIdx = at - 1;
  let rightIdx = at;
  while (rightIdx < items.length && !items[rightIdx]!.inserted) rightIdx++;
  const item: Item = { id, originLeft: items[leftIdx], originRight: items[rightIdx], inserted: true, deletes: 0, everDeleted: false };
  let dest = at;
  let scanning = false;
  for (let i = at; i < rightIdx; i++) {
    const other = items[i]!;
    assert(!other.inserted, 'only not-yet-inserted items lie between the origins');
    const oLeft = other.originLeft === undefined ? -1 : items.indexOf(other.originLeft);
    const oRight = other.originRight === undefined ? items.length : items.indexOf(other.originRight);
    if (oLeft < leftIdx || (oLeft === leftIdx && oRight === rightIdx && compareIds(id, other.id) < 0)) break;
    if (oLeft === leftIdx) scanning = oRight < rightIdx;
    if (!scanning) dest = i + 1;
  }
  items.splice(dest, 0, item);
  return dest;
}

/**
 * Deletes the item at visible position `pos` of the prepare version and
 * returns its index. O(items).
 */
export function deleteAt(items: readonly Item[], pos: number, id: ItemId): number {
  let i = indexAfter(items, pos, id);
  while (i < items.length && !visible(items[i]!)) i++;
  const item = items[i];
  if (item === undefined) throw outOfRange(id, pos + 1, pos);
  item.deletes++;
  return i;
}
