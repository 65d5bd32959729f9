/**
 * Structures: values stored as a subtree of Git trees and blobs (a Merkle
 * structure: sharded sets and maps, ropes, queues) instead of one blob. A
 * structure's root tree carries a marker entry `.grove` whose blob holds its
 * tag; the store dispatches reads and merges at that path to the structure.
 * A structure may also store small values as a single typed blob.
 */
import type { Mergeable, MergeResult } from '@grove/merge';
import type { Hash } from '../objects/hash.js';
import { MARKER, type Path } from '../objects/names.js';
import { blobChild, type BlobChild, type Tree, type TreeChild } from '../tree/tree.js';
import { canonicalTag, decodeTyped, encodeTyped } from './typed-blob.js';

/** What a structure may use to build and read its nodes. */
export interface Nodes {
  /** The empty tree, to build new nodes on. */
  emptyTree(): Tree;
  /** The stored tree `hash`, loaded lazily. */
  tree(hash: Hash): Tree;
  readBlob(hash: Hash): Promise<Uint8Array>;
}

/** The three versions of a structure a merge sees, and where it sits. */
export interface StructureMergeArgs {
  readonly base: TreeChild | undefined;
  readonly ours: TreeChild;
  readonly theirs: TreeChild;
  readonly path: Path;
  readonly nodes: Nodes;
}

/**
 * A value type persisted as a subtree (or, when small, a typed blob). The
 * store never looks inside: it calls `save`, `load` and `merge`.
 */
export interface Structure<T> {
  readonly kind: 'structure';
  readonly tag: string;
  /** The tree (marked with `markTree`) or typed blob (`typedBlob`) holding `value`. New nodes only. */
  save(value: T, nodes: Nodes): Promise<TreeChild>;
  load(child: TreeChild, nodes: Nodes): Promise<T>;
  /** Three-way merge of stored versions; conflicts are data. */
  merge(args: StructureMergeArgs): Promise<MergeResult<TreeChild>>;
  /**
   * The same type as one encoded value under the same tag, for a structure
   * that can also sit inside another value (a map of queues); absent when
   * it cannot.
   */
  asValue?(): Mergeable<T>;
}

/** The name of the marker entry in a structure's root tree. */
export { MARKER };

/** `tree` with the marker entry naming `tag`. */
export function markTree(tree: Tree, tag: string): Promise<Tree> {
  return tree.set([MARKER], blobChild(Buffer.from(tag)));
}

/** A blob holding `payload` under the header of `tag`. */
export function typedBlob(tag: string, payload: Uint8Array): BlobChild {
  return blobChild(encodeTyped(tag, payload));
}

/**
 * The bytes of a blob entry: from memory when it is not written yet (a
 * merge's virtual ancestor holds such blobs), else from the store.
 */
export function readBlobChild(child: BlobChild, nodes: Nodes): Promise<Uint8Array> {
  return child.pending === undefined ? nodes.readBlob(child.hash) : Promise.resolve(child.pending.payload);
}

/** An entry's type tag, and for a blob the value's bytes after the header. */
export interface Typed {
  readonly tag: string;
  readonly payload?: Uint8Array;
}

/**
 * The type of an entry, reading a blob once: a blob's header tag (text or
 * bytes without one) and payload, a marked tree's marker, or undefined for
 * a plain directory.
 */
export async function typedOf(child: TreeChild, nodes: Nodes): Promise<Typed | undefined> {
  if (child.kind === 'blob') return decodeTyped(await readBlobChild(child, nodes));
  if (child.kind === 'commit') return undefined;
  const marker = (await child.tree.entries()).get(MARKER);
  return marker?.kind === 'blob' ? { tag: canonicalTag(Buffer.from(await readBlobChild(marker, nodes)).toString('utf8')) } : undefined;
}

/** The type tag of an entry (see `typedOf`). */
export async function tagOf(child: TreeChild, nodes: Nodes): Promise<string | undefined> {
  return (await typedOf(child, nodes))?.tag;
}
