/**
 * The nodes of a rope: leaves hold text, inner nodes hold children, every
 * leaf sits at the same depth. Nodes are immutable; an edit copies the path
 * it changes. A node that is part of a saved (canonical) tree carries its
 * `Saved` record; a stub is a saved node whose contents are not loaded yet
 * (merges load only the nodes that differ).
 */
import type { Hash, Nodes, Tree, TreeChild } from '@grove/store';

/** Where a saved node lives in a store, and whether it may end with a tail chunk. */
export interface Saved {
  /** The Git id of the node: a blob for a leaf, a tree for an inner node. */
  readonly hash: Hash;
  /**
   * False when every chunk along the node's right edge, at every level, was
   * ended by the chunking rule. True when one may have been ended by the end
   * of the text instead: such a node is canonical only at the end of a text.
   */
  readonly edge: boolean;
  /** The store the node's objects were built for. */
  readonly home: Nodes;
  /**
   * The node's entry in a parent tree: a tree, or a blob. A new leaf's blob
   * carries its pending object until a tree holding it has been stored.
   */
  entry: TreeChild;
  /** For a leaf with a pending blob: the last tree built with it. */
  holder: Tree | undefined;
}

export class Leaf {
  readonly kind = 0 as const;
  readonly height = 0;

  /** `cp`: code points in `text`; equal to `text.length` when the leaf holds no astral character. */
  constructor(
    readonly text: string,
    readonly cp: number,
    readonly saved: Saved | undefined = undefined,
  ) {}
}

export class Inner {
  readonly kind = 1 as const;

  constructor(
    readonly height: number,
    readonly children: readonly Node[],
    readonly cp: number,
    readonly saved: Saved | undefined = undefined,
  ) {}
}

/** A saved node not loaded yet: its size and id are known from its parent's entry. */
export class Stub {
  readonly kind = 2 as const;

  constructor(
    readonly height: number,
    readonly cp: number,
    readonly saved: Saved,
  ) {}
}

export type Node = Leaf | Inner | Stub;

/** An inner node over `children` (at least one), its size summed. */
export function innerOf(height: number, children: readonly Node[]): Inner {
  let cp = 0;
  for (const c of children) cp += c.cp;
  return new Inner(height, children, cp);
}

/** The empty tree: a root with no children. */
export const EMPTY_ROOT = new Inner(1, [], 0);

/** A node's identity for comparing trees: its id when saved, else the node itself. */
export function keyOf(node: Node): unknown {
  return node.saved?.hash ?? node;
}
