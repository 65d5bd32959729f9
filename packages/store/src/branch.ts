/**
 * A branch handle: read and write values at paths (each write a commit
 * moved in by compare-and-set), transactions, fork, history, merge, reset,
 * revert and watch.
 */
import type { Conflict, MergeNote, Mergeable } from '@grove/merge';
import { StoreError } from './errors.js';
import { lowestCommonAncestors } from './history/lca.js';
import { settleMerge, type Settlement } from './merge/resolve.js';
import { lastModified, walkHistory } from './history/log.js';
import type { Hash } from './objects/hash.js';
import { checkBranchName, checkPath, type Path } from './objects/names.js';
import type { Commit } from './objects/objects.js';
import type { CommitOptions, RepoContext } from './repo-context.js';
import { Transaction } from './transaction.js';
import type { Tree, TreeChild } from './tree/tree.js';
import type { Structure } from './values/structure.js';
import type { StoredValue } from './values/value.js';
import { watchBranch, type HeadChange, type WatchOptions, type Watcher } from './watch/watcher.js';

/** The outcome of a merge into a branch. On `conflict` the branch is untouched. */
export type MergeOutcome =
  | { readonly kind: 'up-to-date'; readonly head: Hash | undefined }
  | { readonly kind: 'fast-forward'; readonly head: Hash }
  | { readonly kind: 'merged'; readonly commit: Commit; readonly notes: readonly MergeNote[] }
  | { readonly kind: 'conflict'; readonly conflicts: readonly Conflict[]; readonly ours: Hash; readonly theirs: Hash };

/** How a merge commits: message and author, fast-forward or not, and how conflicts are settled (see `settleMerge`). */
export interface MergeOptions extends CommitOptions, Settlement {
  /** Always write a merge commit, even when a fast-forward would do. */
  readonly noFastForward?: boolean;
}

/** An entry under a path, as `list` returns it. */
export interface Listing {
  readonly name: string;
  readonly kind: TreeChild['kind'];
}

export class Branch {
  readonly repo: RepoContext;
  readonly name: string;
  /** The full ref name, `refs/heads/<name>`. */
  readonly ref: string;

  constructor(repo: RepoContext, name: string) {
    this.repo = repo;
    this.name = name;
    this.ref = `refs/heads/${name}`;
  }

  /** The head commit id, or undefined for a branch with no commit yet. */
  head(): Promise<Hash | undefined> {
    return this.repo.backend.refs.read(this.ref);
  }

  /** The tree at the head (empty for a new branch). */
  async tree(): Promise<Tree> {
    return this.repo.commitTree(await this.head());
  }

  /** The value at `path` with its type tag and blob id, or undefined. */
  async read(path: Path): Promise<StoredValue | undefined> {
    const head = await this.head();
    const child = await (await this.repo.commitTree(head)).get(path);
    return child === undefined ? undefined : this.repo.value(child, { path, commit: head });
  }

  /** The value at `path`, decoded (checked against `type` when given); undefined when absent. */
  async get<T = unknown>(path: Path, type?: Mergeable<T> | Structure<T>): Promise<T | undefined> {
    const head = await this.head();
    return new Transaction(await this.repo.commitTree(head), this.repo, head).get(path, type);
  }

  /** The names directly under `path` and whether each is a blob or a tree. */
  async list(path: Path = []): Promise<Listing[]> {
    return (await (await this.tree()).list(path)).map(([name, child]) => ({ name, kind: child.kind }));
  }

  /** Stores `value` at `path` in a new commit. Retries on a lost race, so no update is lost. */
  async set<T>(path: Path, value: T, options: CommitOptions & { readonly type?: Mergeable<T> | Structure<T> } = {}): Promise<Commit> {
    const commit = await this.update((tx) => tx.set(path, value, options.type), options);
    return commit ?? (await this.repo.readCommit((await this.head())!));
  }

  /** Removes `path` in a new commit; undefined when there was nothing to remove. */
  remove(path: Path, options: CommitOptions = {}): Promise<Commit | undefined> {
    return this.update((tx) => tx.remove(path), options);
  }

  /**
   * A read-modify-write transaction: `f` reads and changes a snapshot; the
   * result is committed on that snapshot and moved in by compare-and-set. On
   * a lost race `f` runs again on the new head. Returns undefined when `f`
   * changed nothing. Throws `retries-exhausted` after `repo.retries` losses.
   */
  async update(f: (tx: Transaction) => unknown, options: CommitOptions = {}): Promise<Commit | undefined> {
    for (let attempt = 0; attempt < this.repo.retries; attempt++) {
      const head = await this.head();
      const before = await this.repo.commitTree(head);
      const tx = new Transaction(before, this.repo, head);
      await f(tx);
      if (tx.tree.hash === before.hash) return undefined;
      const commit = await this.repo.writeCommit(tx.tree, head === undefined ? [] : [head], { message: options.message ?? tx.summary, ...(options.author ? { author: options.author } : {}) });
      if (await this.repo.moveRef(this.ref, head, commit.hash)) return commit;
    }
    throw new StoreError('retries-exhausted', `${this.name} kept moving during ${this.repo.retries} attempts; retry later or raise the retries option`, { ref: this.ref });
  }

  /** A new branch `name` at this branch's head (or at `from`). Throws `invalid-ref` if it exists. */
  async fork(name: string, options: { readonly from?: Hash } = {}): Promise<Branch> {
    checkBranchName(name);
    const at = options.from ?? (await this.head());
    if (at === undefined) throw new StoreError('not-found', `${this.name} has no commit to fork from; write to it first`, { ref: this.ref });
    const branch = new Branch(this.repo, name);
    if (!(await this.repo.moveRef(branch.ref, undefined, at))) {
      throw new StoreError('invalid-ref', `branch ${name} already exists; pick another name`, { ref: branch.ref });
    }
    return branch;
  }

  /** The commits reachable from the head (or `from`), newest first. */
  async *log(options: { readonly from?: Hash; readonly limit?: number } = {}): AsyncGenerator<Commit> {
    const start = options.from ?? (await this.head());
    if (start === undefined) return;
    let n = 0;
    for await (const c of walkHistory((h) => this.repo.readCommit(h), [start])) {
      if (options.limit !== undefined && n++ >= options.limit) return;
      yield c;
    }
  }

  /**
   * The newest `limit` (default 1) commits that changed `path`. Lookups are
   * memoised by subtree id, so subtrees shared by many commits are read once.
   */
  async lastModified(path: Path, options: { readonly limit?: number } = {}): Promise<Commit[]> {
    checkPath(path);
    const head = await this.head();
    if (head === undefined) return [];
    const memo = new Map<string, Promise<string | undefined>>();
    const lookup = (tree: Tree, depth: number): Promise<string | undefined> => {
      const key = `${tree.hash}:${depth}`;
      let found = memo.get(key);
      if (found === undefined) {
        found = tree.get([path[depth]!]).then((child) => {
          if (child === undefined) return undefined;
          if (depth < path.length - 1) return child.kind === 'tree' ? lookup(child.tree, depth + 1) : undefined;
          return child.kind === 'tree' ? child.tree.hash : child.hash;
        });
        memo.set(key, found);
      }
      return found;
    };
    const entryAt = (c: Commit) => (path.length === 0 ? Promise.resolve(c.tree) : lookup(this.repo.tree(c.tree), 0));
    return lastModified((h) => this.repo.readCommit(h), entryAt, head, options.limit ?? 1);
  }

  /** Moves the head to commit `hash` (history after it leaves the branch). */
  async reset(hash: Hash): Promise<void> {
    const target = await this.repo.resolve(hash);
    for (let attempt = 0; attempt < this.repo.retries; attempt++) {
      if (await this.repo.moveRef(this.ref, await this.head(), target)) return;
    }
    throw new StoreError('retries-exhausted', `${this.name} kept moving; retry the reset`, { ref: this.ref });
  }

  /** A new commit whose contents are those of snapshot `hash`: history is kept, the data goes back. */
  async revert(hash: Hash, options: CommitOptions = {}): Promise<Commit | undefined> {
    const snapshot = await this.repo.commitTree(await this.repo.resolve(hash));
    return this.update(
      (tx) => tx.replace(snapshot, `revert to ${hash}`),
      options,
    );
  }

  /**
   * Merges `from` (a branch or a commit id) into this branch: fast-forward
   * when possible, else a merge commit with both parents, each changed value
   * merged by its type. Conflicts that `options.strategy` or
   * `options.resolutions` do not settle are returned and the branch is untouched;
   * a merge commit carries the notes of the typed merges (a queue element
   * delivered twice).
   */
  async merge(from: Branch | Hash, options: MergeOptions = {}): Promise<MergeOutcome> {
    const theirs = from instanceof Branch ? await from.head() : await this.repo.resolve(from);
    if (theirs === undefined) throw new StoreError('not-found', `branch ${(from as Branch).name} has no commit to merge`, { ref: (from as Branch).ref });
    for (let attempt = 0; attempt < this.repo.retries; attempt++) {
      const ours = await this.head();
      // One ancestor search decides up-to-date, fast-forward, and the base of a real merge.
      const lcas: Hash[] = ours === undefined ? [] : await lowestCommonAncestors((h) => this.repo.readCommit(h), ours, theirs, this.repo.maxCommits);
      if (ours !== undefined && lcas.includes(theirs)) return { kind: 'up-to-date', head: ours };
      if (!options.noFastForward && (ours === undefined || lcas.includes(ours))) {
        if (await this.repo.moveRef(this.ref, ours, theirs)) return { kind: 'fast-forward', head: theirs };
        continue;
      }
      const found = ours === undefined ? undefined : await this.repo.mergeCommits(ours, theirs, lcas);
      const merged = found === undefined ? undefined : await settleMerge(this.repo, found, ours!, theirs, options);
      if (merged !== undefined && merged.conflicts.length > 0) return { kind: 'conflict', conflicts: merged.conflicts, ours: ours!, theirs };
      const tree = merged?.tree ?? (await this.repo.commitTree(theirs));
      const name = from instanceof Branch ? from.name : theirs;
      const commit = await this.repo.writeCommit(tree, ours === undefined ? [theirs] : [ours, theirs], {
        message: options.message ?? `merge ${name} into ${this.name}`,
        ...(options.author ? { author: options.author } : {}),
      });
      if (await this.repo.moveRef(this.ref, ours, commit.hash)) return { kind: 'merged', commit, notes: merged?.notes ?? [] };
    }
    throw new StoreError('retries-exhausted', `${this.name} kept moving during the merge; retry it`, { ref: this.ref });
  }

  /** Calls `listener` with each head change (never concurrently); failures go to `repo.failures`. */
  watch(listener: (change: HeadChange) => unknown, options: WatchOptions = {}): Watcher {
    return watchBranch(this.repo, this.name, listener, options);
  }
}
