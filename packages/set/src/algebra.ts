/**
 * Union, intersection and difference, from one walk of the two sets that
 * skips shards they share: O(size of the difference × log n), not O(n).
 */
import { ShardedTree } from '@grove/store';
import { wrap, type GroveSet } from './set.js';

/**
 * Elements in `a` or `b`. O(|a △ b| log n).
 * @example
 * union(of(s, ['a']), of(s, ['b'])); // { a, b }
 */
export function union<T>(a: GroveSet<T>, b: GroveSet<T>): GroveSet<T> {
  let tree = a.tree;
  for (const c of a.tree.diff(b.tree)) if (c.new !== undefined) tree = tree.set(c.key, c.new);
  return tree === a.tree ? a : wrap(a.codec, tree);
}

/**
 * Elements in both `a` and `b`. O(|a △ b| log n).
 * @example
 * intersection(of(s, ['a', 'b']), of(s, ['b', 'c'])); // { b }
 */
export function intersection<T>(a: GroveSet<T>, b: GroveSet<T>): GroveSet<T> {
  let tree = a.tree;
  for (const c of a.tree.diff(b.tree)) if (c.old !== undefined) tree = tree.delete(c.key);
  return tree === a.tree ? a : wrap(a.codec, tree);
}

/**
 * Elements in `a` but not in `b`. O(|a △ b| log |a △ b|).
 * @example
 * difference(of(s, ['a', 'b']), of(s, ['b'])); // { a }
 */
export function difference<T>(a: GroveSet<T>, b: GroveSet<T>): GroveSet<T> {
  const only = a.tree.diff(b.tree).filter((c) => c.old !== undefined);
  return wrap(a.codec, ShardedTree.from(a.tree.schema, only.map((c) => [c.key, c.old!] as const)));
}
