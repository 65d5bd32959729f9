/**
 * Saving a rope: its tree made canonical (chunked by content, chunker.ts),
 * building objects only for the nodes that changed.
 *
 * A node already saved in the store is canonical as it stands: its chunks
 * end where the rule ends them (`edge` nodes excepted, whose last chunk may
 * have been ended by the end of the text). So the edited tree is walked to
 * its frontier: the saved subtrees, kept whole, and the edited leaves. Then
 * level by level, from the leaves up:
 *
 *   level 0   |==saved==|~edited~~edited~|==saved==|==saved==|
 *                       ^ chunk the edited text from here...
 *                                        ...into the next saved leaf, until
 *                                        a new boundary meets an old one;
 *                                        from there on, saved nodes pass
 *   level 1   the same with the level's rule over the new and saved nodes
 *
 * A saved node passes whole only at a boundary; otherwise it is opened (its
 * children replace it, loaded if they are stubs) and its pieces chunked,
 * until the chunking falls back into step. The first level (from 1 up) left
 * with one node gives the root. A commit after k edits thus builds
 * O(k log n) objects, and the result depends on the text alone.
 */
import { markTree, type Nodes, type Tree } from '@grove/store';
import { endsGroup, TextChunker } from './chunker.js';
import { newLeaf, savedAt, treeOver } from './git-nodes.js';
import { Loader, remember } from './load.js';
import { EMPTY_ROOT, Inner, innerOf, Leaf, type Node } from './node.js';

/** The canonical root (unsaved itself: the store holds it as the marked tree) and the marked tree. */
export interface Canonical {
  readonly root: Inner;
  readonly tree: Tree;
}

/** The canonical form of the rope `root` saved into `home`, its root tree marked with `tag`. */
export async function canonicalize(root: Inner, home: Nodes, tag: string): Promise<Canonical> {
  const save = new Save(home);
  let items: Node[] = [];
  save.frontier(root, items);
  for (let level = 0; ; level++) {
    items = await save.level(items, level);
    if (items.length === 0) return { root: EMPTY_ROOT, tree: await markTree(home.emptyTree(), tag) };
    if (level > 0 && items.length === 1) {
      const top = await save.top(items[0]!);
      return { root: top, tree: await treeOver(top.children, home, (tree) => markTree(tree, tag)) };
    }
    if (level > 0) items = await Promise.all(items.map((n) => save.materialize(n)));
  }
}

class Save {
  readonly #home: Nodes;
  readonly #loader = new Loader();
  /** Opened saved leaves by text, and opened saved inner nodes by first child: rebuilt, they are reused. */
  readonly #leaves = new Map<string, Leaf>();
  readonly #inners = new Map<Node, Inner>();
  /** New inner nodes made by a flush (not by the rule), which may end with a tail. */
  readonly #tails = new Set<Inner>();

  constructor(home: Nodes) {
    this.#home = home;
  }

  #isSaved(node: Node): boolean {
    return node.saved?.home === this.#home;
  }

  /**
   * Appends to `out` the saved subtrees and the edited leaves below `node`,
   * in order. Nodes saved for another store are appended as they are, to
   * be opened down to their text.
   */
  frontier(node: Node, out: Node[]): void {
    if (node.kind === 1 && !this.#isSaved(node)) for (const c of node.children) this.frontier(c, out);
    else out.push(node);
  }

  /** Chunks one level: the nodes of height `level` from `items` (of height >= level - 1). */
  async level(items: readonly Node[], level: number): Promise<Node[]> {
    const out: Node[] = [];
    const todo = items.toReversed();
    const group: Node[] = [];
    const text = new TextChunker((chunk, ruled) => out.push(this.#leaves.get(chunk) ?? this.#remembered(newLeaf(chunk, this.#home, !ruled))));
    const atBoundary = () => (level === 0 ? text.atBoundary : group.length === 0);
    while (todo.length > 0) {
      const node = todo.pop()!;
      const saved = this.#isSaved(node);
      if (saved && node.height >= level && atBoundary() && (!node.saved!.edge || todo.length === 0)) {
        out.push(node);
      } else if (saved && node.height < level) {
        group.push(node);
        if (endsGroup(node.saved!.hash, group.length)) out.push(this.#grouped(group.splice(0), level));
      } else {
        const loaded = node.kind === 2 ? await this.#loader.load(node) : node;
        if (loaded.kind === 0) {
          if (saved) this.#leaves.set(loaded.text, loaded);
          text.feed(loaded.text);
        } else {
          if (saved) this.#inners.set(loaded.children[0]!, loaded);
          for (let i = loaded.children.length - 1; i >= 0; i--) todo.push(loaded.children[i]!);
        }
      }
    }
    if (level === 0) text.flush();
    if (group.length > 0) {
      const tail = this.#grouped(group, level);
      if (tail.saved === undefined) this.#tails.add(tail);
      out.push(tail);
    }
    return out;
  }

  /** The node over `children`: an opened node with exactly these children, or a new one. */
  #grouped(children: Node[], level: number): Inner {
    const old = this.#inners.get(children[0]!);
    if (old !== undefined && old.children.length === children.length && old.children.every((c, i) => c === children[i])) return old;
    return innerOf(level, children);
  }

  /** `node` with its tree built, when it is new. */
  async materialize(node: Node): Promise<Node> {
    if (node.saved !== undefined) return node;
    const inner = node as Inner;
    const tree = await treeOver(inner.children, this.#home);
    const edge = this.#tails.has(inner) || inner.children.at(-1)!.saved!.edge;
    return this.#remembered(new Inner(inner.height, inner.children, inner.cp, savedAt(tree.hash, { kind: 'tree', tree }, this.#home, edge)));
  }

  #remembered<N extends Leaf | Inner>(node: N): N {
    remember(node);
    return node;
  }

  /** The root: `node`, or its only descendant below single-child chains, loaded. */
  async top(node: Node): Promise<Inner> {
    let top = (await this.#loader.resolve(node)) as Inner;
    while (top.height > 1 && top.children.length === 1) top = (await this.#loader.resolve(top.children[0]!)) as Inner;
    return top;
  }
}
