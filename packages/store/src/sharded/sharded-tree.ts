/**
 * `ShardedTree`: the persistent, history-independent hash trie that large
 * sets and maps are made of. Keys are placed by a 64-bit hash, 16 shards per
 * level; a shard holding more than `leafCapacity` entries is an inner node,
 * otherwise a leaf. In a repository, inner nodes are Git trees and leaves
 * blobs, so equal contents have equal ids whatever their history.
 */
import type { MergeArgs, MergeResult, Path } from '@grove/merge';
import type { Hash } from '../objects/hash.js';
import type { TreeChild } from '../tree/tree.js';
import type { Nodes } from '../values/structure.js';
import { diff2, type ShardChange } from './diff.js';
import { insert, lookup, reach, remove } from './edit.js';
import { hashOf } from './hashing.js';
import { merge3, prefetchMerge } from './merge.js';
import { compareEntries, countOf, entryOf, leaf, type Child, type Entry, type Node } from './node.js';
import { readRoot, readStub } from './read.js';
import { settle, strict, type Resolver } from './resolve.js';
import type { ShardSchema } from './schema.js';
import { fromSorted } from './shape.js';
import { saveRoot } from './write.js';

const EMPTY = leaf<never>([]);
const rootOf = <V>(child: Child<V> | undefined, r: Resolver): Node<V> => (child === undefined ? EMPTY : (r.need(child) ?? EMPTY));

/**
 * An immutable map from string keys to values, sharded by key hash.
 * Point operations are O(log n); `merge` and `diff` cost O(what differs).
 * Synchronous methods need the nodes they reach in memory: always true for
 * a tree built in memory; a tree read with `load` is read lazily, so call
 * `prefetch` (or the `*Async` forms) first.
 * @example
 * const t = ShardedTree.empty(schema).set('a', 1).set('b', 2);
 * t.get('a'); // 1
 */
export class ShardedTree<V> {
  readonly schema: ShardSchema<V>;
  readonly #root: Node<V>;

  private constructor(schema: ShardSchema<V>, root: Node<V>) {
    this.schema = schema;
    this.#root = root;
  }

  /** The empty tree. O(1). */
  static empty<V>(schema: ShardSchema<V>): ShardedTree<V> {
    return new ShardedTree(schema, EMPTY);
  }

  /** A tree holding `entries` (a later duplicate key wins). O(n log n), faster than n `set`s. */
  static from<V>(schema: ShardSchema<V>, entries: Iterable<readonly [string, V]>): ShardedTree<V> {
    const all: Entry<V>[] = [];
    for (const [key, value] of entries) all.push(entryOf(schema, key, value));
    all.sort(compareEntries);
    const unique = all.filter((e, i) => i + 1 === all.length || compareEntries(e, all[i + 1]!) !== 0);
    return new ShardedTree(schema, fromSorted(unique, 0, schema.leafCapacity) ?? EMPTY);
  }

  /** The tree stored in `child` (saved by `save`), read lazily: one object read now, the rest on demand. */
  static async load<V>(schema: ShardSchema<V>, child: TreeChild, nodes: Nodes): Promise<ShardedTree<V>> {
    return new ShardedTree(schema, await readRoot(schema, child, nodes));
  }

  /** The number of entries. O(1), even for a tree not read yet. */
  get size(): number {
    return countOf(this.#root);
  }

  /** The value of `key`, or undefined. O(log n). */
  get(key: string): V | undefined {
    return lookup(this.#root, entryOf(this.schema, key, undefined), strict)?.value as V | undefined;
  }

  has(key: string): boolean {
    return lookup(this.#root, entryOf(this.schema, key, undefined), strict) !== undefined;
  }

  /** A tree with `key` set to `value`; this tree when it already holds that. O(log n). */
  set(key: string, value: V): ShardedTree<V> {
    const root = insert(this.#root, entryOf(this.schema, key, value), 0, this.schema, strict);
    return root === this.#root ? this : new ShardedTree(this.schema, root);
  }

  /** A tree without `key`; this tree when it has no such key. O(log n). */
  delete(key: string): ShardedTree<V> {
    const root = remove(this.#root, entryOf(this.schema, key, undefined), 0, this.schema, strict);
    return root === this.#root ? this : new ShardedTree(this.schema, root ?? EMPTY);
  }

  /** Every entry in hash order (deterministic, the same for equal trees). O(n). */
  *entries(): Generator<[string, V]> {
    const stack: Child<V>[] = [this.#root];
    while (stack.length > 0) {
      const node = strict.need(stack.pop()!)!;
      if (node.kind === 'leaf') for (const e of node.entries) yield [e.key, e.value];
      else for (let d = node.children.length - 1; d >= 0; d--) if (node.children[d] !== undefined) stack.push(node.children[d]!);
    }
  }

  /** The id of the contents (Git's id of the root shard): equal for equal contents. O(nodes not hashed yet). */
  get hash(): Hash {
    return hashOf(this.#root, this.schema);
  }

  /** Equal contents. O(1) after hashing; trees of different leaf capacities are compared by `diff`. */
  equals(other: ShardedTree<V>): boolean {
    if (this.#root === other.#root) return true;
    if (this.size !== other.size) return false;
    return this.schema.leafCapacity === other.schema.leafCapacity ? this.hash === other.hash : this.diff(other).length === 0;
  }

  /** What changed from this tree to `other`, skipping equal shards. O(differences × log n). */
  diff(other: ShardedTree<V>): ShardChange<V>[] {
    return this.#diff(other, strict);
  }

  /** `diff`, reading the shards it needs. */
  diffAsync(other: ShardedTree<V>): Promise<ShardChange<V>[]> {
    return settle((r) => this.#diff(other, r), readStub);
  }

  #diff(other: ShardedTree<V>, r: Resolver): ShardChange<V>[] {
    const out: ShardChange<V>[] = [];
    diff2(this.schema, r, this.#root, other.#root, 0, out);
    return out;
  }

  /**
   * Three-way merge, per key: additions kept, removals win, values changed on
   * both sides merged by the schema (their notes are passed on). Shards
   * equal on two sides are not opened. O(differing nodes).
   */
  static merge<V>(args: MergeArgs<ShardedTree<V>>): MergeResult<ShardedTree<V>> {
    return ShardedTree.#merge(args, strict);
  }

  /** `merge`, reading the shards it needs. */
  static async mergeAsync<V>(args: MergeArgs<ShardedTree<V>>): Promise<MergeResult<ShardedTree<V>>> {
    await prefetchMerge(args.ours.schema, args.base === undefined ? undefined : args.base.#root, args.ours.#root, args.theirs.#root);
    return settle((r) => ShardedTree.#merge(args, r), readStub);
  }

  static #merge<V>({ base, ours, theirs, path }: MergeArgs<ShardedTree<V>>, r: Resolver): MergeResult<ShardedTree<V>> {
    const ctx = { schema: ours.schema, r, path: path ?? ([] as Path), conflicts: [], notes: [] };
    const root = merge3(ctx, base === undefined ? undefined : base.#root, ours.#root, theirs.#root, 0);
    if (ctx.conflicts.length > 0) return { ok: false, conflicts: ctx.conflicts };
    const value = root === ours.#root ? ours : root === theirs.#root ? theirs : new ShardedTree(ours.schema, rootOf(root, r));
    return ctx.notes.length === 0 ? { ok: true, value } : { ok: true, value, notes: ctx.notes };
  }

  /**
   * Reads the shards that `keys` (default: every key) live in, and those a
   * series of operations on them may reach, so synchronous calls on them work.
   */
  async prefetch(keys?: Iterable<string>): Promise<this> {
    const probes = keys === undefined ? undefined : [...keys].map((k) => entryOf(this.schema, k, undefined));
    await settle((r) => {
      if (probes === undefined) diff2(this.schema, r, undefined, this.#root, 0, []);
      else reach(this.#root, probes, 0, this.schema, r);
    }, readStub);
    return this;
  }

  /** Stores the tree as a structure of type `tag` in `nodes`; new objects only for what changed since it was read or saved. */
  save(nodes: Nodes, tag: string): Promise<TreeChild> {
    return saveRoot(this.#root, this.schema, nodes, tag);
  }
}
