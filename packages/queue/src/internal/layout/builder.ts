/**
 * Builds the canonical tree of a stream of elements, and of whole nodes
 * reused from another tree. A level-k node ends after an element of level
 * > k; the root is the lowest node holding everything, kept at level >= 1
 * so the root tree always lists chunks or subtrees.
 */
import { blobChild } from '@grove/store';
import { assert } from '@grove/merge';
import { formatStamp, type Stamp } from '../../stamp.js';
import { encodeElements } from '../element-list.js';
import type { Item } from '../item.js';
import { childrenOf, type Layout, type NodeChild } from './layout.js';

/** A finished node: level 0 is a chunk blob, level k > 0 a tree of level k-1 nodes. */
export interface Built {
  readonly key: Stamp;
  readonly child: NodeChild;
  readonly level: number;
  /** The children of a node built here (nodes reused from a stored tree are read on demand). */
  readonly children?: readonly Built[];
}

export class Builder<T> {
  readonly #layout: Layout<T>;
  readonly #items: Item<T>[] = [];
  /** `#nodes[k]`: the finished children (of level k) of the open node of level k + 1. */
  readonly #nodes: Built[][] = [];

  constructor(layout: Layout<T>) {
    this.#layout = layout;
  }

  /** True when no node below level `level + 1` is open, so a whole level-`level` node may follow. */
  atBoundary(level: number): boolean {
    return this.#items.length === 0 && this.#nodes.slice(0, level).every((n) => n.length === 0);
  }

  /** Appends an element; it must sort after everything added so far. */
  async add(item: Item<T>): Promise<void> {
    this.#items.push(item);
    const level = item.level(this.#layout.bits);
    for (let k = 0; k < level; k++) await this.#close(k);
  }

  /** Appends a whole node whose last element has level `closing`; requires `atBoundary(node.level)`. */
  async addNode(node: Built, closing: number): Promise<void> {
    assert(closing > node.level && this.atBoundary(node.level), 'a reused node must be closed and start at a boundary of its level');
    this.#at(node.level).push(node);
    for (let k = node.level + 1; k < closing; k++) await this.#close(k);
  }

  /** The root's children; the builder is spent. */
  async finish(): Promise<readonly Built[]> {
    const top = Math.max(1, this.#nodes.findLastIndex((n) => n.length > 0) + 1);
    for (let k = 0; k < top; k++) if (k === 0 ? this.#items.length > 0 : this.#at(k - 1).length > 0) await this.#close(k);
    let roots: readonly Built[] = this.#at(top - 1);
    while (roots.length === 1 && roots[0]!.level > 0) roots = await this.#childrenOf(roots[0]!);
    return roots;
  }

  #at(level: number): Built[] {
    while (this.#nodes.length <= level) this.#nodes.push([]);
    return this.#nodes[level]!;
  }

  /** Ends the open node of level `level` and adds it to its parent. */
  async #close(level: number): Promise<void> {
    if (level === 0) {
      const items = this.#items.splice(0);
      this.#at(0).push({ key: items[0]!.stamp, child: blobChild(encodeElements(items, this.#layout.codec)), level: 0 });
      return;
    }
    const children = this.#at(level - 1).splice(0);
    const tree = await this.#layout.nodes.emptyTree().patch(new Map(children.map((c) => [formatStamp(c.key), c.child])));
    this.#at(level).push({ key: children[0]!.key, child: { kind: 'tree', tree }, level, children });
  }

  async #childrenOf(node: Built): Promise<readonly Built[]> {
    if (node.children !== undefined) return node.children;
    assert(node.child.kind === 'tree', 'a node above level 0 is a tree');
    return (await childrenOf(this.#layout, node.child.tree)).map((e) => ({ ...e, level: node.level - 1 }));
  }
}
