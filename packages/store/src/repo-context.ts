/**
 * What branches, transactions and watchers need of a repository, as an
 * interface: `Repo` implements it and makes branches, so they depend on
 * this and never on `repo.ts` (no import cycle).
 */
import type { Backend } from './backend/backend.js';
import type { CommitMerge } from './merge/merge-commits.js';
import type { Hash } from './objects/hash.js';
import type { Path } from './objects/names.js';
import type { Commit } from './objects/objects.js';
import type { Tree, TreeChild } from './tree/tree.js';
import type { TypeRegistry } from './values/registry.js';
import type { Nodes } from './values/structure.js';
import type { Place, StoredValue } from './values/value.js';
import type { FailureChannel } from './watch/failures.js';

/** Who writes commits. */
export interface Identity {
  readonly name: string;
  readonly email: string;
}

/** A commit's message and author; both have defaults. */
export interface CommitOptions {
  readonly message?: string;
  readonly author?: Identity;
}

/** One difference between two versions, with the values decoded. */
export interface Change {
  readonly path: Path;
  readonly kind: 'added' | 'removed' | 'updated';
  /** Undefined for entries that hold no value (submodules). */
  readonly old?: StoredValue | undefined;
  readonly new?: StoredValue | undefined;
}

/**
 * A repository as its branches see it: objects, refs, types and events.
 * `Repo` is the implementation; see its members for each one's contract.
 * @example
 * const context: RepoContext = Repo.memory();
 * await context.commitTree(undefined); // the empty tree
 */
export interface RepoContext {
  readonly backend: Backend;
  readonly types: TypeRegistry;
  readonly failures: FailureChannel;
  readonly clock: () => number;
  readonly maxCommits: number;
  readonly retries: number;
  readonly nodes: Nodes;
  resolve(spec: string): Promise<Hash>;
  readCommit(hash: Hash): Promise<Commit>;
  tree(hash: Hash): Tree;
  commitTree(hash: Hash | undefined): Promise<Tree>;
  value(child: TreeChild, place?: Place): Promise<StoredValue | undefined>;
  writeCommit(tree: Tree, parents: readonly Hash[], options?: CommitOptions): Promise<Commit>;
  diff(a: Hash | undefined, b: Hash | undefined): Promise<Change[]>;
  mergeCommits(ours: Hash, theirs: Hash, lcas?: readonly Hash[]): Promise<CommitMerge>;
  moveRef(ref: string, expected: Hash | undefined, next: Hash | undefined): Promise<boolean>;
  onRefMoved(ref: string, listener: () => void): () => void;
}
