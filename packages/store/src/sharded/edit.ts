/**
 * Point operations on a sharded tree: look up, insert or replace, remove.
 * Each copies the path from the root to the key's leaf (O(log n) nodes of
 * at most 16 children or `leafCapacity` entries) and re-normalises it: an
 * overfull leaf splits, a node left with `leafCapacity` entries or fewer
 * collapses into a leaf.
 */
import { compareEntries, countOf, digitOf, inner, leaf, originOf, type Child, type Entry, type Node } from './node.js';
import type { Resolver } from './resolve.js';
import type { ShardSchema } from './schema.js';
import { fromChildren, fromSorted, gather } from './shape.js';

/** Index of `probe`'s key in sorted `entries`, or `-(insertion point) - 1`. */
function search(entries: readonly Entry<unknown>[], probe: Entry<unknown>): number {
  let lo = 0;
  let hi = entries.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareEntries(entries[mid]!, probe);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -lo - 1;
}

/** A copy of `items` with `drop` items at `at` replaced by `add` (a packed array, unlike `splice`'s). */
function spliced<T>(items: readonly T[], at: number, drop: number, add?: T): T[] {
  const out: T[] = [];
  for (let i = 0; i < at; i++) out.push(items[i]!);
  if (add !== undefined) out.push(add);
  for (let i = at + drop; i < items.length; i++) out.push(items[i]!);
  return out;
}

/** The entry with `probe`'s key, or undefined. */
export function lookup<V>(root: Node<V>, probe: Entry<unknown>, r: Resolver): Entry<V> | undefined {
  let node: Node<V> | undefined = root;
  for (let depth = 0; node.kind === 'inner'; depth++) {
    const child: Child<V> | undefined = node.children[digitOf(probe, depth)];
    if (child === undefined) return undefined;
    node = r.need(child);
    if (node === undefined) return undefined;
  }
  const i = search(node.entries, probe);
  return i < 0 ? undefined : node.entries[i];
}

/** `node` with `entry` put in (replacing its key's entry); `node` itself when nothing changes. */
export function insert<V>(node: Node<V>, entry: Entry<V>, depth: number, schema: ShardSchema<V>, r: Resolver): Node<V> {
  if (node.kind === 'leaf') {
    const i = search(node.entries, entry);
    if (i >= 0 && schema.equalValues(node.entries[i]!.value, entry.value)) return node;
    if (i >= 0) return leaf(spliced(node.entries, i, 1, entry));
    return fromSorted(spliced(node.entries, -i - 1, 0, entry), depth, schema.leafCapacity)!;
  }
  const digit = digitOf(entry, depth);
  const child = node.children[digit];
  let next: Node<V>;
  if (child === undefined) next = leaf([entry]);
  else {
    const below = r.need(child);
    if (below === undefined) return node;
    next = insert(below, entry, depth + 1, schema, r);
    if (next === below) return node;
  }
  const children = node.children.slice();
  children[digit] = next;
  return inner(children, node.count - countOf(child) + countOf(next), originOf(node));
}

/** `node` without `probe`'s key (undefined when left empty); `node` itself when the key is absent. */
export function remove<V>(node: Node<V>, probe: Entry<unknown>, depth: number, schema: ShardSchema<V>, r: Resolver): Node<V> | undefined {
  if (node.kind === 'leaf') {
    const i = search(node.entries, probe);
    if (i < 0) return node;
    if (node.entries.length === 1) return undefined;
    return leaf(spliced(node.entries, i, 1));
  }
  const digit = digitOf(probe, depth);
  const child = node.children[digit];
  if (child === undefined) return node;
  const below = r.need(child);
  if (below === undefined) return node;
  const next = remove(below, probe, depth + 1, schema, r);
  if (next === below) return node;
  const children = node.children.slice();
  children[digit] = next;
  return fromChildren(children, depth, schema.leafCapacity, r, originOf(node));
}

/**
 * Steps into every node that operations on `probes` may reach, even after
 * each other: the path of each key, and the whole of any node those keys
 * could shrink to `leafCapacity` entries or fewer (a collapse reads it all).
 */
export function reach<V>(node: Node<V>, probes: readonly Entry<unknown>[], depth: number, schema: ShardSchema<V>, r: Resolver): void {
  if (node.kind === 'leaf') return;
  if (node.count - probes.length <= schema.leafCapacity) {
    gather(node, r, []);
    return;
  }
  const groups = new Map<number, Entry<unknown>[]>();
  for (const p of probes) {
    const d = digitOf(p, depth);
    const group = groups.get(d);
    if (group === undefined) groups.set(d, [p]);
    else group.push(p);
  }
  for (const [d, group] of groups) {
    const child = node.children[d];
    const below = child === undefined ? undefined : r.need(child);
    if (below !== undefined) reach(below, group, depth + 1, schema, r);
  }
}
