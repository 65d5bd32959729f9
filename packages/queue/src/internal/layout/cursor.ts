/**
 * A cursor over a stored queue tree, in stamp order. It opens nodes only
 * when asked: a caller can look at the node that starts at the cursor
 * (its key, hash, level and where the next node starts, all known from the
 * parent) and skip it whole, or open it, or take elements one by one.
 */
import { compareStamps, type Stamp } from '../../stamp.js';
import { decodeElements } from '../element-list.js';
import { readBlobChild } from '@grove/store';
import type { Item } from '../item.js';
import type { Built } from './builder.js';
import { childrenOf, idOf, malformed, type Layout, type NodeEntry } from './layout.js';

/** The unopened node that starts at the cursor. */
export interface NodeAt extends Built {
  readonly hash: string;
  /** The key of the node that follows it; undefined on the tree's right edge. */
  readonly following: Stamp | undefined;
  /** The level of its last element, known from the tree's shape; undefined on the right edge. */
  readonly closing: number | undefined;
}

interface Frame {
  readonly children: readonly NodeEntry[];
  /** The level of `children`. */
  readonly level: number;
  i: number;
}

export class Cursor<T> {
  readonly #layout: Layout<T>;
  readonly #frames: Frame[];
  #leaf: { readonly items: Item<T>[]; i: number } | undefined;
  #last: Stamp | undefined;
  /** `node()` at the current position, once computed (callers ask often while another cursor moves). */
  #here: { readonly node: NodeAt | undefined } | undefined;

  private constructor(layout: Layout<T>, frames: Frame[]) {
    this.#layout = layout;
    this.#frames = frames;
  }

  /** A cursor before the first element of the tree whose root lists `children`. */
  static async open<T>(layout: Layout<T>, children: readonly NodeEntry[]): Promise<Cursor<T>> {
    let level = 0;
    for (let c = children[0]; c?.child.kind === 'tree'; c = (await childrenOf(layout, c.child.tree))[0]) level++;
    return new Cursor(layout, children.length === 0 ? [] : [{ children, level, i: 0 }]);
  }

  /** The node starting here that is not open yet; undefined inside a chunk or at the end. */
  node(): NodeAt | undefined {
    return (this.#here ??= { node: this.#nodeHere() }).node;
  }

  #nodeHere(): NodeAt | undefined {
    const frames = this.#frames;
    const top = frames.at(-1);
    if (this.#leaf !== undefined || top === undefined) return undefined;
    const entry = top.children[top.i]!;
    let following: Stamp | undefined;
    for (let d = frames.length - 1; d >= 0 && following === undefined; d--) following = frames[d]!.children[frames[d]!.i + 1]?.key;
    let closing: number | undefined;
    if (following !== undefined) {
      closing = top.level + 1;
      for (let d = frames.length - 1; d > 0 && frames[d]!.i === frames[d]!.children.length - 1; d--) closing++;
    }
    return { ...entry, level: top.level, hash: idOf(entry.child), following, closing };
  }

  /** Moves past `node()`. */
  skip(): void {
    this.#here = undefined;
    this.#frames.at(-1)!.i++;
    this.#settle();
  }

  /** Opens `node()`: a subtree becomes the current frame, a chunk the current leaf. */
  async open(): Promise<void> {
    this.#here = undefined;
    const top = this.#frames.at(-1)!;
    const { key, child } = top.children[top.i]!;
    const name = `${idOf(child)} (level ${top.level})`;
    if ((child.kind === 'tree') !== top.level > 0) malformed(this.#layout, name, 'chunks and subtrees at different depths');
    if (child.kind === 'tree') {
      const children = await childrenOf(this.#layout, child.tree);
      if (compareStamps(children[0]!.key, key) !== 0) malformed(this.#layout, name, 'the node is not named by its first element');
      this.#frames.push({ children, level: top.level - 1, i: 0 });
      return;
    }
    const bytes = await readBlobChild(child, this.#layout.nodes);
    const items = decodeElements(bytes, this.#layout.codec, this.#layout.tag);
    if (items.length === 0 || compareStamps(items[0]!.stamp, key) !== 0) malformed(this.#layout, name, 'the chunk is not named by its first element');
    this.#leaf = { items, i: 0 };
  }

  /** The next element's stamp without reading it when a node starts here; undefined at the end. */
  peek(): Stamp | undefined {
    if (this.#leaf !== undefined) return this.#leaf.items[this.#leaf.i]!.stamp;
    return this.node()?.key;
  }

  /** Takes the next element, opening nodes down to its chunk; undefined at the end. */
  async next(): Promise<Item<T> | undefined> {
    while (this.#leaf === undefined) {
      if (this.#frames.length === 0) return undefined;
      await this.open();
    }
    const leaf = this.#leaf;
    const item = leaf.items[leaf.i++]!;
    this.#here = undefined;
    if (leaf.i === leaf.items.length) {
      this.#leaf = undefined;
      this.skip();
    }
    if (this.#last !== undefined && compareStamps(this.#last, item.stamp) >= 0) malformed(this.#layout, item.key(), 'elements out of stamp order');
    this.#last = item.stamp;
    return item;
  }

  /** Pops finished frames, moving each parent past the node just finished. */
  #settle(): void {
    const frames = this.#frames;
    while (frames.length > 0 && frames.at(-1)!.i >= frames.at(-1)!.children.length) {
      frames.pop();
      if (frames.length > 0) frames.at(-1)!.i++;
    }
  }
}
