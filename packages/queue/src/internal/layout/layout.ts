/**
 * What the tree code needs to know about a queue type and a store: the
 * element codec, the fanout, and where nodes are read and built. Nodes
 * are named by the stamp of their first element, so a node's key range is
 * known from its parent without opening it.
 */
import type { Codec } from '@grove/merge';
import { MARKER, type Nodes, type Tree, type TreeChild } from '@grove/store';
import { QueueError } from '../../errors.js';
import { compareStamps, type Stamp } from '../../stamp.js';
import { parseStamp } from '../stamps.js';

export interface Layout<T> {
  readonly tag: string;
  readonly codec: Codec<T>;
  /** log2 of the fanout: an element closes a level-k node with probability fanout^-(k+1). */
  readonly bits: number;
  readonly nodes: Nodes;
  /**
   * True when the trees read were all written to the store already: the
   * chunks reused from them are then referenced without their pending
   * bytes, so the next commit does not send them again.
   */
  readonly written?: boolean;
}

/** A subtree or a chunk blob. */
export type NodeChild = Exclude<TreeChild, { kind: 'commit' }>;

/** A child of a node: its first element's stamp (its name) and the subtree or chunk blob. */
export interface NodeEntry {
  readonly key: Stamp;
  readonly child: NodeChild;
}

/** The root's entry holding the queue's clock. */
export const CLOCK = 'clock';

/** Throws `invalid-layout` for a stored queue that is malformed at `entry`. */
export function malformed(layout: Layout<unknown>, entry: string, reason: string): never {
  throw new QueueError('invalid-layout', `stored ${layout.tag} is malformed at ${entry}: ${reason}; it was not written by this queue type or is corrupt`, { tag: layout.tag, entry });
}

/** The children of a node in stamp order (for the root: without the marker and the clock). */
export async function childrenOf(layout: Layout<unknown>, tree: Tree, root = false): Promise<NodeEntry[]> {
  const out: NodeEntry[] = [];
  for (const [name, child] of await tree.entries()) {
    if (root && (name === MARKER || name === CLOCK)) continue;
    const key = parseStamp(name);
    if (key === undefined || child.kind === 'commit') return malformed(layout, name, 'expected an entry named by a stamp time.seq.replica');
    out.push({ key, child: layout.written && child.kind === 'blob' ? { kind: 'blob', mode: child.mode, hash: child.hash } : child });
  }
  out.sort((a, b) => compareStamps(a.key, b.key));
  if (!root && out.length === 0) malformed(layout, tree.hash, 'an empty node');
  return out;
}

/** The stable id of a child: equal ids, equal contents. */
export function idOf(child: NodeChild): string {
  return child.kind === 'tree' ? child.tree.hash : child.hash;
}
