/** A read-modify-write transaction over one tree: what `Branch.update` hands to its callback. */
import type { Mergeable } from '@grove/merge';
import type { Hash } from './objects/hash.js';
import { checkValuePath, type Path } from './objects/names.js';
import type { RepoContext } from './repo-context.js';
import type { Tree } from './tree/tree.js';
import type { StoredType } from './values/registry.js';
import type { Structure } from './values/structure.js';
import { defaultType, encodeChild, readAs } from './values/value.js';

export class Transaction {
  #tree: Tree;
  readonly #repo: Pick<RepoContext, 'nodes' | 'value'>;
  readonly #log: string[] = [];
  readonly #commit: Hash | undefined;

  /** A transaction over `tree`, the tree of commit `commit` (named in errors). */
  constructor(tree: Tree, repo: Pick<RepoContext, 'nodes' | 'value'>, commit?: Hash) {
    this.#tree = tree;
    this.#repo = repo;
    this.#commit = commit;
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
   * The value at `path`, decoded by `type` when given (`wrong-type` unless
   * the stored tag is `type`'s), else by the type its tag names
   * (`unknown-type` when this process knows no such type); undefined when
   * absent or a plain directory.
   */
  async get<T>(path: Path, type?: Mergeable<T> | Structure<T>): Promise<T | undefined> {
    const child = await this.#tree.get(path);
    if (child === undefined) return undefined;
    const place = { path, commit: this.#commit };
    if (type !== undefined) return readAs<T>(type as StoredType, this.#repo.nodes, child, place);
    return (await this.#repo.value(child, place))?.value as T | undefined;
  }

  /** Stores `value` at `path` as `type` (default: text for strings, bytes for byte arrays). Throws `invalid-path` for a bad or reserved path. */
  async set<T>(path: Path, value: T, type: Mergeable<T> | Structure<T> = defaultType(value)): Promise<void> {
    checkValuePath(path);
    this.#tree = await this.#tree.set(path, await encodeChild(type as StoredType, value, this.#repo.nodes));
    this.#log.push(`set ${path.join('/')}`);
  }

  /** Removes the value or subtree at `path` (nothing when absent). */
  async remove(path: Path): Promise<void> {
    checkValuePath(path);
    this.#tree = await this.#tree.remove(path);
    this.#log.push(`remove ${path.join('/')}`);
  }

  /** Replaces the whole tree, e.g. with an older snapshot's. */
  replace(tree: Tree, why: string): void {
    this.#tree = tree;
    this.#log.push(why);
  }
}
