/**
 * Saving a sharded tree into a repository's nodes: only nodes not stored
 * there yet become new objects. A changed inner node patches the stored
 * version it was copied from (its origin), so unchanged children are never
 * read. Nodes read from another repository are read whole and copied.
 */
import type { Hash } from '../objects/hash.js';
import { blobChild, Tree, type TreeChild } from '../tree/tree.js';
import { markTree, typedBlob, type Nodes } from '../values/structure.js';
import { shardName } from './names.js';
import { countOf, type Child, type Node } from './node.js';
import { readStub } from './read.js';
import { settle, type Resolver } from './resolve.js';
import type { ShardSchema } from './schema.js';

/** Reads the stubs from other repositories below the nodes that `nodes` lacks. */
function foreign(child: Child<unknown>, nodes: Nodes, r: Resolver): void {
  if (child.kind === 'stub' && child.source.nodes === nodes) return;
  const node = r.need(child);
  if (node === undefined || node.kind === 'leaf' || node.saved?.nodes === nodes) return;
  for (const c of node.children) if (c !== undefined) foreign(c, nodes, r);
}

const idOf = (c: TreeChild): Hash => (c.kind === 'tree' ? c.tree.hash : c.hash);

async function save<V>(child: Child<V>, schema: ShardSchema<V>, nodes: Nodes): Promise<TreeChild> {
  if (child.kind === 'stub') {
    if (child.source.nodes !== nodes) return save(child.loaded!, schema, nodes);
    if (child.loaded !== undefined) return save(child.loaded, schema, nodes);
    return child.entry instanceof Tree ? { kind: 'tree', tree: child.entry } : child.entry;
  }
  if (child.kind === 'leaf') {
    if (child.saved?.nodes !== nodes) {
      const blob = blobChild(schema.encodeLeaf(child.entries));
      child.saved = { nodes, child: blob };
      child.hash = blob.hash;
    }
    return child.saved.child;
  }
  if (child.saved?.nodes !== nodes) {
    const wanted = new Map<string, TreeChild>();
    for (let d = 0; d < child.children.length; d++) {
      const c = child.children[d];
      if (c !== undefined) wanted.set(shardName(d, countOf(c)), await save(c, schema, nodes));
    }
    const origin = child.origin?.nodes === nodes ? child.origin.child : undefined;
    let tree;
    if (origin === undefined) tree = await nodes.emptyTree().patch(wanted);
    else {
      const before = await origin.entries();
      const changes = new Map<string, TreeChild | undefined>();
      for (const name of before.keys()) if (!wanted.has(name)) changes.set(name, undefined);
      for (const [name, c] of wanted) {
        const old = before.get(name);
        if (old === undefined || idOf(old) !== idOf(c)) changes.set(name, c);
      }
      tree = await origin.patch(changes);
    }
    child.saved = { nodes, child: tree };
    child.hash = tree.hash;
  }
  return { kind: 'tree', tree: child.saved.child };
}

/**
 * The entry storing `root` as a structure of type `tag`: a typed blob when
 * it is a leaf, else a tree marked with `tag`. New objects only for nodes
 * `nodes` does not hold: O(changed nodes) since the last save.
 */
export async function saveRoot<V>(root: Node<V>, schema: ShardSchema<V>, nodes: Nodes, tag: string): Promise<TreeChild> {
  if (root.kind === 'leaf') return typedBlob(tag, schema.encodeLeaf(root.entries));
  await settle((r) => foreign(root, nodes, r), readStub);
  const saved = await save(root, schema, nodes);
  return { kind: 'tree', tree: await markTree((saved as Extract<TreeChild, { kind: 'tree' }>).tree, tag) };
}
