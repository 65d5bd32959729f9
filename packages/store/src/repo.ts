/**
 * A Grove repository: a Git object database and its refs, the types it
 * knows, and the events of its branches. Open one on disk (a real Git
 * repository) or in memory.
 */
import type { Backend } from './backend/backend.js';
import { openGitBackend } from './backend/fs/index.js';
import { memoryBackend } from './backend/memory.js';
import { Branch } from './branch.js';
import { diffTrees } from './diff/diff.js';
import { StoreError } from './errors.js';
import { DEFAULT_MAX_COMMITS } from './history/lca.js';
import { mergeCommits, type CommitMerge } from './merge/merge-commits.js';
import type { Signature } from './objects/commit-object.js';
import { isHash, type Hash } from './objects/hash.js';
import { checkBranchName, type Path } from './objects/names.js';
import { commitObject, Objects, type Commit } from './objects/objects.js';
import type { Change, CommitOptions, Identity, RepoContext } from './repo-context.js';
import { Tree, type TreeChild } from './tree/tree.js';
import { TypeRegistry, type StoredFamily, type StoredType } from './values/registry.js';
import type { Nodes } from './values/structure.js';
import { readValue, type Place, type StoredValue } from './values/value.js';
import { FailureChannel } from './watch/failures.js';

export interface RepoOptions {
  /** Milliseconds since the epoch; inject a fake clock for deterministic commits. */
  readonly clock?: () => number;
  /** The default author and committer (default `Grove <grove@localhost>`). */
  readonly author?: Identity;
  /** Minutes east of UTC written in commits (default 0). */
  readonly timezoneOffset?: number;
  /**
   * User-defined types (or families of them) to register. Built-in types,
   * and those of every structure package this process imports, are known
   * without registration.
   */
  readonly types?: readonly (StoredType | StoredFamily)[];
  /** Commits a common-ancestor search may visit (default 1,000,000). */
  readonly maxCommits?: number;
  /** Attempts of a read-modify-write that keeps losing its compare-and-set (default 100). */
  readonly retries?: number;
  /** `Repo.open` only: create a bare repository when the directory is missing or empty (default true). */
  readonly create?: boolean;
}

const HEADS = 'refs/heads/';

export class Repo implements RepoContext {
  readonly backend: Backend;
  readonly types: TypeRegistry;
  /** Where background work (watch callbacks, replication) reports failures. */
  readonly failures = new FailureChannel();
  readonly clock: () => number;
  readonly maxCommits: number;
  readonly retries: number;
  /** Node access for structures stored as subtrees. */
  readonly nodes: Nodes;
  readonly #objects: Objects;
  readonly #author: Identity;
  readonly #timezoneOffset: number;
  readonly #refListeners = new Map<string, Set<() => void>>();

  constructor(backend: Backend, options: RepoOptions = {}) {
    this.backend = backend;
    const objects = (this.#objects = new Objects(backend.objects));
    this.nodes = { emptyTree: () => Tree.empty(objects), tree: (h) => Tree.load(objects, h), readBlob: (h) => objects.readBlob(h) };
    this.types = new TypeRegistry(options.types);
    this.clock = options.clock ?? Date.now;
    this.#author = options.author ?? { name: 'Grove', email: 'grove@localhost' };
    this.#timezoneOffset = options.timezoneOffset ?? 0;
    this.maxCommits = options.maxCommits ?? DEFAULT_MAX_COMMITS;
    this.retries = options.retries ?? 100;
  }

  /** A new, empty repository in memory. */
  static memory(options: RepoOptions = {}): Repo {
    return new Repo(memoryBackend(), options);
  }

  /**
   * The Git repository at `dir` (bare, or ordinary with `.git/`); a new bare
   * one when `dir` is missing or empty (unless `create: false`). Throws
   * `not-a-repository` otherwise.
   */
  static async open(dir: string, options: RepoOptions = {}): Promise<Repo> {
    return new Repo(await openGitBackend(dir, { create: options.create ?? true }), options);
  }

  /** The branch `name` (it need not exist yet). Throws `invalid-ref` on a bad name. */
  branch(name: string): Branch {
    checkBranchName(name);
    return new Branch(this, name);
  }

  /** The names of all branches, sorted. */
  async branches(): Promise<string[]> {
    return [...(await this.backend.refs.list(HEADS)).keys()].map((r) => r.slice(HEADS.length)).sort();
  }

  /** Deletes branch `name`; false when it did not exist. Its commits stay in the store. */
  async deleteBranch(name: string): Promise<boolean> {
    checkBranchName(name);
    const ref = HEADS + name;
    const head = await this.backend.refs.read(ref);
    return head !== undefined && (await this.moveRef(ref, head, undefined));
  }

  /** A commit id from a branch name or a full commit id. Throws `not-found`. */
  async resolve(spec: string): Promise<Hash> {
    if (isHash(spec)) {
      await this.readCommit(spec);
      return spec;
    }
    checkBranchName(spec);
    const head = await this.backend.refs.read(HEADS + spec);
    if (head === undefined) throw new StoreError('not-found', `no branch or commit ${JSON.stringify(spec)}; give an existing branch name or a full commit id`, { ref: spec });
    return head;
  }

  readCommit(hash: Hash): Promise<Commit> {
    return this.#objects.readCommit(hash);
  }

  /** The tree with id `hash`, loaded lazily. */
  tree(hash: Hash): Tree {
    return this.nodes.tree(hash);
  }

  /** The tree of commit `hash`, or the empty tree for `undefined`. */
  async commitTree(hash: Hash | undefined): Promise<Tree> {
    return hash === undefined ? this.nodes.emptyTree() : this.tree((await this.readCommit(hash)).tree);
  }

  /**
   * The value an entry holds, decoded by the type its tag names; undefined
   * for a plain directory. Throws `unknown-type` for a type this process
   * does not know; `place` (path, commit) is named in errors.
   */
  value(child: TreeChild, place: Place = {}): Promise<StoredValue | undefined> {
    return readValue(this.types, this.nodes, child, place);
  }

  /** A signature for `who` (default: the repository's author) at the clock's time. */
  signature(who: Identity = this.#author): Signature {
    return { ...who, timestamp: Math.floor(this.clock() / 1000), timezoneOffset: this.#timezoneOffset };
  }

  /** Writes `tree`'s new objects and a commit on `parents`, in one batch. Moves no ref. */
  async writeCommit(tree: Tree, parents: readonly Hash[], options: CommitOptions = {}): Promise<Commit> {
    const author = this.signature(options.author);
    const { commit, object } = commitObject({ tree: tree.hash, parents, author, committer: author, message: options.message ?? 'commit' });
    const objects = tree.newObjects();
    objects.set(object.hash, object);
    await this.#objects.write(objects.values());
    tree.markStored();
    return commit;
  }

  /** The changes from commit `a` (undefined: nothing) to commit `b`. */
  async diff(a: Hash | undefined, b: Hash | undefined): Promise<Change[]> {
    return this.diffTrees(await this.commitTree(a), await this.commitTree(b));
  }

  /**
   * The changes from tree `a` to tree `b`, values decoded. Equal subtrees
   * are skipped. A value of a type this process does not know has `known`
   * false and no value, so a diff never fails on it.
   */
  async diffTrees(a: Tree, b: Tree): Promise<Change[]> {
    const raw = await diffTrees(a, b);
    const read = (child: TreeChild, path: Path) => readValue(this.types, this.nodes, child, { path }, true);
    return Promise.all(
      raw.map(async (c) => ({
        path: c.path,
        kind: c.kind,
        ...(c.old === undefined ? {} : { old: await read(c.old, c.path) }),
        ...(c.new === undefined ? {} : { new: await read(c.new, c.path) }),
      })),
    );
  }

  /** Merges the trees of two commits (LCAs, virtual ancestor, typed value merges). Writes nothing. */
  mergeCommits(ours: Hash, theirs: Hash, lcas?: readonly Hash[]): Promise<CommitMerge> {
    return mergeCommits({ types: this.types, nodes: this.nodes, maxCommits: this.maxCommits, readCommit: (h) => this.readCommit(h) }, ours, theirs, lcas);
  }

  /** Compare-and-set of a full ref name; tells the ref's watchers when it moved. */
  async moveRef(ref: string, expected: Hash | undefined, next: Hash | undefined): Promise<boolean> {
    const moved = await this.backend.refs.compareAndSet(ref, expected, next);
    if (moved) this.#notify(ref);
    return moved;
  }

  /** Calls `listener` whenever this repository moves `ref` (or `refresh` is called). */
  onRefMoved(ref: string, listener: () => void): () => void {
    let set = this.#refListeners.get(ref);
    if (set === undefined) this.#refListeners.set(ref, (set = new Set()));
    set.add(listener);
    return () => set.delete(listener);
  }

  /** Tells every watcher to look at its ref again: for changes made by other processes or `git`. */
  refresh(): void {
    for (const ref of this.#refListeners.keys()) this.#notify(ref);
  }

  #notify(ref: string): void {
    for (const listener of this.#refListeners.get(ref) ?? []) listener();
  }
}
