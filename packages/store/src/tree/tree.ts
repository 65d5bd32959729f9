/**
 * An immutable Git tree, loaded lazily from its store and hashed on demand.
 * Every change returns a new tree that shares the unchanged children; new
 * blobs and trees stay in memory until `newObjects` hands them to one batch
 * write.
 */
import { StoreError } from '../errors.js';
import { EMPTY_TREE, hashObject, type Hash } from '../objects/hash.js';
import { checkPath, type Path } from '../objects/names.js';
import type { RawObject } from '../objects/raw.js';
import { decodeTree, encodeTree, findEntry, type Mode, type TreeEntry } from '../objects/tree-object.js';

/** One entry of a tree: a blob (a value), a subtree, or a submodule commit. */
export type TreeChild =
  | { readonly kind: 'blob'; readonly mode: Mode; readonly hash: Hash; readonly pending?: RawObject }
  | { readonly kind: 'tree'; readonly tree: Tree }
  | { readonly kind: 'commit'; readonly mode: Mode; readonly hash: Hash };

/** A blob entry. */
export type BlobChild = Extract<TreeChild, { kind: 'blob' }>;

/** A new blob entry holding `blob`, written with the next commit. */
export function blobChild(blob: Uint8Array): BlobChild {
  const hash = hashObject('blob', blob);
  return { kind: 'blob', mode: '100644', hash, pending: { hash, type: 'blob', payload: blob } };
}

/** Where lazily loaded trees come from. */
export interface TreeSource {
  readObject(hash: Hash, type: 'tree'): Promise<RawObject>;
  /** Decoded entries shared by every tree of this source, when it keeps them. */
  readonly decodedTrees?: DecodedTrees;
}

/**
 * Decoded entries by tree id. A stored tree's entries never change (its
 * subtrees are stored trees too), so the trees of one source can share them.
 */
export interface DecodedTrees {
  get(hash: Hash): ReadonlyMap<string, TreeChild> | undefined;
  /** Remembers `entries`; returns false when they were not kept (too large). */
  set(hash: Hash, entries: ReadonlyMap<string, TreeChild>): boolean;
}

export class Tree {
  readonly #source: TreeSource;
  #hash: Hash | undefined;
  #object: RawObject | undefined;
  #entries: ReadonlyMap<string, TreeChild> | undefined;
  #stored: boolean;

  private constructor(source: TreeSource, hash: Hash | undefined, entries: ReadonlyMap<string, TreeChild> | undefined, stored: boolean) {
    this.#source = source;
    this.#hash = hash;
    this.#entries = entries;
    this.#stored = stored;
  }

  /** The empty tree. */
  static empty(source: TreeSource): Tree {
    return new Tree(source, undefined, new Map(), false);
  }

  /** The stored tree `hash`, read when first needed. */
  static load(source: TreeSource, hash: Hash): Tree {
    return hash === EMPTY_TREE ? Tree.empty(source) : new Tree(source, hash, undefined, true);
  }

  /** The tree's id. O(1) once known; a changed tree hashes its changed nodes once. */
  get hash(): Hash {
    if (this.#hash === undefined) this.#hash = this.#encode().hash;
    return this.#hash;
  }

  /**
   * The entries, loading them on first use. A stored tree takes them from
   * its source's shared cache when there is one, and keeps them itself only
   * when the cache does not, so the cache's bound holds.
   */
  async entries(): Promise<ReadonlyMap<string, TreeChild>> {
    const known = this.#known();
    if (known !== undefined) return known;
    const object = await this.#source.readObject(this.#hash!, 'tree');
    const entries = new Map(decodeTree(object.payload, object.hash).map((e) => [e.name, this.#childOf(e)]));
    if (this.#source.decodedTrees?.set(object.hash, entries) !== true) this.#entries = entries;
    return entries;
  }

  /** The entries when already decoded, here or in the source's cache. */
  #known(): ReadonlyMap<string, TreeChild> | undefined {
    return this.#entries ?? this.#source.decodedTrees?.get(this.#hash!);
  }

  /** One entry; an undecoded tree is scanned for it rather than decoded whole. */
  async #child(name: string): Promise<TreeChild | undefined> {
    const known = this.#known();
    if (known !== undefined) return known.get(name);
    const object = await this.#source.readObject(this.#hash!, 'tree');
    const entry = findEntry(object.payload, name, object.hash);
    return entry === undefined ? undefined : this.#childOf(entry);
  }

  #childOf(e: TreeEntry): TreeChild {
    if (e.mode === '40000') return { kind: 'tree', tree: Tree.load(this.#source, e.hash) };
    if (e.mode === '160000') return { kind: 'commit', mode: e.mode, hash: e.hash };
    return { kind: 'blob', mode: e.mode, hash: e.hash };
  }

  /**
   * Whether the tree has no entries. Known without reading: a stored tree
   * that is not Git's empty tree always has entries.
   */
  get isEmpty(): boolean {
    return this.#entries !== undefined && this.#entries.size === 0;
  }

  /** The entry at `path` (the tree itself for `[]`), or undefined. O(depth). */
  async get(path: Path): Promise<TreeChild | undefined> {
    checkPath(path);
    let node: TreeChild = { kind: 'tree', tree: this };
    for (const segment of path) {
      if (node.kind !== 'tree') return undefined;
      const next: TreeChild | undefined = await node.tree.#child(segment);
      if (next === undefined) return undefined;
      node = next;
    }
    return node;
  }

  /** The subtree at `path`, or undefined when absent or not a tree. */
  async subtree(path: Path): Promise<Tree | undefined> {
    const child = await this.get(path);
    return child?.kind === 'tree' ? child.tree : undefined;
  }

  /** The entries directly under `path`, in name order. */
  async list(path: Path = []): Promise<[string, TreeChild][]> {
    const tree = await this.subtree(path);
    return tree === undefined ? [] : [...(await tree.entries())].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /**
   * A tree with `child` at `path`, creating the trees on the way (a blob in
   * the way is replaced). An empty subtree is not stored, as in Git.
   */
  async set(path: Path, child: TreeChild): Promise<Tree> {
    checkPath(path);
    if (path.length === 0) throw new StoreError('invalid-path', 'cannot replace the root of a tree with a value; give a path with at least one segment', { path });
    return this.#setAt(path, 0, child);
  }

  async #setAt(path: Path, depth: number, child: TreeChild): Promise<Tree> {
    const entries = await this.entries();
    const name = path[depth]!;
    let next = child;
    if (depth < path.length - 1) {
      const existing = entries.get(name);
      const below = existing?.kind === 'tree' ? existing.tree : Tree.empty(this.#source);
      next = { kind: 'tree', tree: await below.#setAt(path, depth + 1, child) };
    }
    const copy = new Map(entries);
    if (next.kind === 'tree' && next.tree.isEmpty) copy.delete(name);
    else copy.set(name, next);
    return new Tree(this.#source, undefined, copy, false);
  }

  /**
   * A tree with its direct children replaced: `undefined` removes a child,
   * and so does an empty subtree. One copy of the entries, whatever the
   * number of changes.
   */
  async patch(changes: ReadonlyMap<string, TreeChild | undefined>): Promise<Tree> {
    if (changes.size === 0) return this;
    const copy = new Map(await this.entries());
    for (const [name, child] of changes) {
      checkPath([name]);
      if (child === undefined || (child.kind === 'tree' && child.tree.isEmpty)) copy.delete(name);
      else copy.set(name, child);
    }
    return new Tree(this.#source, undefined, copy, false);
  }

  /** A tree without `path`; trees left empty are removed. Returns this tree when `path` is absent. */
  async remove(path: Path): Promise<Tree> {
    checkPath(path);
    if (path.length === 0) return Tree.empty(this.#source);
    return (await this.#removeAt(path, 0)) ?? this;
  }

  async #removeAt(path: Path, depth: number): Promise<Tree | undefined> {
    const entries = await this.entries();
    const name = path[depth]!;
    const existing = entries.get(name);
    if (existing === undefined) return undefined;
    const copy = new Map(entries);
    if (depth === path.length - 1) copy.delete(name);
    else {
      if (existing.kind !== 'tree') return undefined;
      const below = await existing.tree.#removeAt(path, depth + 1);
      if (below === undefined) return undefined;
      if (below.isEmpty) copy.delete(name);
      else copy.set(name, { kind: 'tree', tree: below });
    }
    return new Tree(this.#source, undefined, copy, false);
  }

  /** Every non-tree entry below this tree, depth first in name order, with its path. */
  async *walk(prefix: Path = []): AsyncGenerator<[Path, TreeChild]> {
    for (const [name, child] of await this.list()) {
      const path = [...prefix, name];
      if (child.kind === 'tree') yield* child.tree.walk(path);
      else yield [path, child];
    }
  }

  /** Folds `f` over every non-tree entry, in `walk` order. */
  async fold<A>(f: (acc: A, path: Path, child: TreeChild) => A | Promise<A>, init: A): Promise<A> {
    let acc = init;
    for await (const [path, child] of this.walk()) acc = await f(acc, path, child);
    return acc;
  }

  /** The objects of this tree not yet in the store (new blobs and trees), each once. */
  newObjects(out: Map<Hash, RawObject> = new Map()): Map<Hash, RawObject> {
    if (this.#stored) return out;
    for (const child of this.#entries!.values()) {
      if (child.kind === 'tree') child.tree.newObjects(out);
      else if (child.kind === 'blob' && child.pending !== undefined) out.set(child.hash, child.pending);
    }
    const object = this.#encode();
    out.set(object.hash, object);
    return out;
  }

  /**
   * Records that `newObjects` were written, so later writes skip them: the
   * trees are marked stored and the blobs lose their pending bytes.
   */
  markStored(): void {
    if (this.#stored) return;
    this.#stored = true;
    const entries = new Map(this.#entries!);
    for (const [name, child] of entries) {
      if (child.kind === 'tree') child.tree.markStored();
      else if (child.kind === 'blob' && child.pending !== undefined) entries.set(name, { kind: 'blob', mode: child.mode, hash: child.hash });
    }
    this.#entries = entries;
  }

  #encode(): RawObject {
    if (this.#object === undefined) {
      const entries: TreeEntry[] = [];
      for (const [name, child] of this.#entries!) {
        entries.push(child.kind === 'tree' ? { name, mode: '40000', hash: child.tree.hash } : { name, mode: child.mode, hash: child.hash });
      }
      const payload = encodeTree(entries);
      this.#object = { hash: hashObject('tree', payload), type: 'tree', payload };
    }
    return this.#object;
  }
}
