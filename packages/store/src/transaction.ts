/** A read-modify-write transaction over one tree: what `Branch.update` hands to its callback. */
import type { Mergeable } from '@grove/merge';
import { StoreError } from './errors.js';
import type { Path } from './objects/names.js';
import type { Repo } from './repo.js';
import type { Tree } from './tree/tree.js';
import type { StoredType } from './values/registry.js';
import type { Structure } from './values/structure.js';
import { defaultType, encodeChild } from './values/value.js';

export class Transaction {
  #tree: Tree;
  readonly #repo: Repo;
  readonly #log: string[] = [];

  constructor(tree: Tree, repo: Repo) {
    this.#tree = tree;
    this.#repo = repo;
  }

  /** The tree as changed so far. */
  get tree(): Tree {
    return this.#tree;
  }

  /** What the transaction did, one line per change: the default commit message. */
  get summary(): string {
    return this.#log.length === 1 ? this.#log[0]! : `${this.#log.length} changes\n\n${this.#log.join('\n')}`;
  }

  /**
   * The value at `path`, decoded by `type` when given (its tag must match),
   * else by the type its blob names; undefined when absent or a subtree.
   */
  async get<T>(path: Path, type?: Mergeable<T> | Structure<T>): Promise<T | undefined> {
    const child = await this.#tree.get(path);
    const stored = child === undefined ? undefined : await this.#repo.value(child);
    if (stored === undefined) return undefined;
    if (type !== undefined && stored.tag !== type.tag) {
      throw new StoreError('wrong-type', `${path.join('/')} holds a ${stored.tag}, not a ${type.tag}; read it with its own type`, { path, expected: type.tag, actual: stored.tag });
    }
    return stored.value as T;
  }

  /** Stores `value` at `path` as `type` (default: text for strings, bytes for byte arrays). */
  async set<T>(path: Path, value: T, type: Mergeable<T> | Structure<T> = defaultType(value)): Promise<void> {
    this.#repo.types.register(type as StoredType);
    this.#tree = await this.#tree.set(path, await encodeChild(type as StoredType, value, this.#repo.nodes));
    this.#log.push(`set ${path.join('/')}`);
  }

  /** Removes the value or subtree at `path` (nothing when absent). */
  async remove(path: Path): Promise<void> {
    this.#tree = await this.#tree.remove(path);
    this.#log.push(`remove ${path.join('/')}`);
  }

  /** Replaces the whole tree, e.g. with an older snapshot's. */
  replace(tree: Tree, why: string): void {
    this.#tree = tree;
    this.#log.push(why);
  }
}
