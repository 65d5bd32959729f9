/**
 * The canonical shape, a function of the contents alone: a node holding at
 * most `leafCapacity` entries is a leaf; a fuller one is an inner node with
 * one child per hex digit of the hash at its depth. Every operation ends by
 * rebuilding the nodes it touched with these two functions, so equal
 * contents give equal trees whatever the order of the edits.
 */
import { MAX_DEPTH } from './hash.js';
import { countOf, digitOf, emptySlots, inner, leaf, type Child, type Entry, type Node, type Saved } from './node.js';
import type { Resolver } from './resolve.js';
import type { Tree } from '../tree/tree.js';

/** The node for `entries` (sorted, sharing the first `depth` digits); undefined when empty. O(n). */
export function fromSorted<V>(entries: readonly Entry<V>[], depth: number, capacity: number): Node<V> | undefined {
  if (entries.length === 0) return undefined;
  if (entries.length <= capacity || depth >= MAX_DEPTH) return leaf(entries);
  return inner(byDigit(entries, depth, (run) => fromSorted(run, depth + 1, capacity)), entries.length);
}

/** Cuts sorted `entries` into their runs by digit at `depth` (contiguous, as the order is the hash's). */
function byDigit<V, C>(entries: readonly Entry<V>[], depth: number, make: (run: Entry<V>[]) => C): (C | undefined)[] {
  const out: (C | undefined)[] = emptySlots();
  let start = 0;
  while (start < entries.length) {
    const digit = digitOf(entries[start]!, depth);
    let end = start + 1;
    while (end < entries.length && digitOf(entries[end]!, depth) === digit) end++;
    out[digit] = make(entries.slice(start, end));
    start = end;
  }
  return out;
}

/**
 * The node for canonical `children` at `depth`: collapsed into one leaf
 * when they hold `capacity` entries or fewer (reading the children), else an
 * inner node. Undefined when empty.
 */
export function fromChildren<V>(children: readonly (Child<V> | undefined)[], depth: number, capacity: number, r: Resolver, origin?: Saved<Tree>): Node<V> | undefined {
  let count = 0;
  for (const c of children) count += countOf(c);
  if (count === 0) return undefined;
  if (count > capacity || depth >= MAX_DEPTH) return inner(children, count, origin);
  const entries: Entry<V>[] = [];
  for (const c of children) if (c !== undefined) gather(c, r, entries);
  return leaf(entries);
}

/** Appends the entries below `child` in hash order (nothing for an unread stub). */
export function gather<V>(child: Child<V>, r: Resolver, out: Entry<V>[]): void {
  const node = r.need(child);
  if (node === undefined) return;
  if (node.kind === 'leaf') for (const e of node.entries) out.push(e);
  else for (const c of node.children) if (c !== undefined) gather(c, r, out);
}

const NONE: readonly undefined[] = emptySlots();

/** The 16 shards of `node` at `depth`: an inner node's children, or a leaf cut by digit. */
export function shardsOf<V>(node: Node<V> | undefined, depth: number): readonly (Child<V> | undefined)[] {
  if (node === undefined) return NONE;
  return node.kind === 'inner' ? node.children : byDigit(node.entries, depth, leaf);
}

/** True when every present node is a leaf. */
export function allLeaves(...nodes: (Node<unknown> | undefined)[]): boolean {
  return nodes.every((n) => n === undefined || n.kind === 'leaf');
}
