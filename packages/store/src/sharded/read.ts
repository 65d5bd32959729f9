/**
 * Reading stored shards: a structure's root (a typed blob when small, else
 * a marked tree whose children become stubs) and stubs on demand. What is
 * read is checked: shard names, counts, and that every entry sits in the
 * shard its hash names.
 */
import type { Hash } from '../objects/hash.js';
import { StoreError } from '../errors.js';
import { Lru } from '../internal/lru.js';
import { Tree, type TreeChild } from '../tree/tree.js';
import { MARKER, readBlobChild, type Nodes } from '../values/structure.js';
import { decodeTyped } from '../values/typed-blob.js';
import { compareEntries, countOf, digitOf, emptySlots, entryOf, inner, leaf, type Child, type Entry, type Leaf, type Node, type Source, type Stub } from './node.js';
import { hexDigit, parseShardName } from './names.js';
import type { ShardSchema } from './schema.js';

function corrupt(hash: Hash, reason: string): never {
  throw new StoreError('corrupt-object', `shard ${hash} is not a valid sharded structure node: ${reason}; restore it from another replica`, { hash });
}

/** The leaf a blob of the shard `prefix` holds. */
function leafFrom<V>(schema: ShardSchema<V>, bytes: Uint8Array, prefix: string, hash: Hash): Leaf<V> {
  const entries: Entry<V>[] = [];
  for (const [key, value] of schema.decodeLeaf(bytes)) entries.push(entryOf(schema, key, value));
  entries.sort(compareEntries);
  entries.forEach((e, i) => {
    if (i > 0 && compareEntries(entries[i - 1]!, e) === 0) corrupt(hash, `key ${JSON.stringify(e.key)} appears twice`);
    for (let d = 0; d < prefix.length; d++) if (hexDigit(digitOf(e, d)) !== prefix[d]) corrupt(hash, `key ${JSON.stringify(e.key)} does not belong in shard ${prefix}`);
  });
  return leaf(entries);
}

/** The children of a stored inner node, as stubs. */
function childrenFrom<V>(source: Source<V>, entries: ReadonlyMap<string, TreeChild>, prefix: string, hash: Hash): (Child<V> | undefined)[] {
  const children: (Child<V> | undefined)[] = emptySlots();
  for (const [name, c] of entries) {
    if (name === MARKER && prefix === '') continue;
    const shard = parseShardName(name);
    if (shard === undefined || c.kind === 'commit') corrupt(hash, `unexpected entry ${JSON.stringify(name)}`);
    const stub: Stub<V> = {
      kind: 'stub',
      hash: c.kind === 'tree' ? c.tree.hash : c.hash,
      entry: c.kind === 'tree' ? c.tree : c,
      leaf: c.kind === 'blob',
      count: shard.count,
      prefix: prefix + hexDigit(shard.digit),
      source,
      loaded: undefined,
    };
    children[shard.digit] = stub;
  }
  return children;
}

/** Decoded nodes by position and id, per repository and schema: nodes are immutable, so versions share them. */
const decoded = new WeakMap<Nodes, WeakMap<ShardSchema<unknown>, Lru<string, Node<unknown>>>>();
const DECODED = 20_000;

function cacheOf(nodes: Nodes, schema: ShardSchema<unknown>): Lru<string, Node<unknown>> {
  let bySchema = decoded.get(nodes);
  if (bySchema === undefined) decoded.set(nodes, (bySchema = new WeakMap()));
  let cache = bySchema.get(schema);
  if (cache === undefined) bySchema.set(schema, (cache = new Lru(DECODED)));
  return cache;
}

/** Reads `stub` and caches the node in it: one object read, none when a version read before shares the node. */
export async function readStub(stub: Stub<unknown>): Promise<void> {
  if (stub.loaded !== undefined) return;
  const { nodes, schema } = stub.source;
  const cache = cacheOf(nodes, schema);
  const id = stub.prefix + stub.hash;
  const hit = cache.get(id);
  if (hit !== undefined && countOf(hit) === stub.count) {
    stub.loaded = hit;
    return;
  }
  const { entry } = stub;
  let node: Node<unknown>;
  if (entry instanceof Tree) {
    const tree = entry;
    const children = childrenFrom(stub.source, await tree.entries(), stub.prefix, stub.hash);
    node = inner(children, children.reduce((n, c) => n + countOf(c), 0));
    node.saved = { nodes, child: tree };
  } else {
    node = leafFrom(schema, await readBlobChild(entry, nodes), stub.prefix, stub.hash);
    node.saved = { nodes, child: entry };
  }
  if (countOf(node) !== stub.count) corrupt(stub.hash, `its name says ${stub.count} entries, it holds ${countOf(node)}`);
  node.hash = stub.hash;
  stub.loaded = node;
  cache.set(id, node);
}

/** The root node of the structure stored in `child`: one read; children stay stubs. */
export async function readRoot<V>(schema: ShardSchema<V>, child: TreeChild, nodes: Nodes): Promise<Node<V>> {
  if (child.kind === 'blob') return leafFrom(schema, decodeTyped(await readBlobChild(child, nodes)).payload, '', child.hash);
  if (child.kind !== 'tree') return corrupt(child.hash, 'a submodule is not a structure');
  const children = childrenFrom({ nodes, schema }, await child.tree.entries(), '', child.tree.hash);
  const root = inner(children, children.reduce((n, c) => n + countOf(c), 0));
  root.saved = { nodes, child: await child.tree.patch(new Map([[MARKER, undefined]])) };
  return root;
}
