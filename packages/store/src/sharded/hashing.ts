/**
 * Ids of nodes built in memory, computed as Git would store them (a leaf is
 * a blob of its encoded entries, an inner node a tree of shard entries), at
 * most once per node. Equal contents give equal ids: the tree is canonical.
 */
import { hashObject, type Hash } from '../objects/hash.js';
import { encodeTree, type TreeEntry } from '../objects/tree-object.js';
import { countOf, type Child, type Inner } from './node.js';
import { shardName } from './names.js';
import type { ShardSchema } from './schema.js';

/** Whether a child is stored as a blob. */
function isLeafChild(child: Child<unknown>): boolean {
  return child.kind === 'leaf' || (child.kind === 'stub' && child.leaf);
}

/** The id of `child`, hashing the nodes below it that have none yet. */
export function hashOf<V>(child: Child<V>, schema: ShardSchema<V>): Hash {
  if (child.hash !== undefined) return child.hash;
  if (child.kind === 'leaf') return (child.hash = hashObject('blob', schema.encodeLeaf(child.entries)));
  if (child.kind === 'inner') {
    child.hash = child.saved?.child.hash ?? hashObject('tree', encodeTree(shardEntries(child, (c) => hashOf(c, schema))));
    return child.hash;
  }
  return child.hash;
}

/** The Git tree entries of an inner node, with children ids from `idOf`. */
function shardEntries<V>(node: Inner<V>, idOf: (child: Child<V>) => Hash): TreeEntry[] {
  const out: TreeEntry[] = [];
  node.children.forEach((c, digit) => {
    if (c !== undefined) out.push({ name: shardName(digit, countOf(c)), mode: isLeafChild(c) ? '100644' : '40000', hash: idOf(c) });
  });
  return out;
}
