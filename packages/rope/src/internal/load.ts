/**
 * Reading a stored rope: its root tree (the marked one) as a root over
 * stubs, then as much of it as a caller needs: everything (`loadAll`), or
 * only the paths to some positions (`loadPaths`, for merges).
 */
import { MARKER, type Hash, type Nodes, type Tree } from '@grove/store';
import { loadStub, stubsOf } from './git-nodes.js';
import { EMPTY_ROOT, Inner, innerOf, type Leaf, type Node, type Stub } from './node.js';

/** The height of the nodes below `tree`: 0 when its entries are blobs. */
async function heightBelow(tree: Tree, skip?: string): Promise<number> {
  let height = 0;
  let entries = [...(await tree.entries())].filter(([name]) => name !== skip);
  for (;;) {
    const first = entries.sort(([x], [y]) => (x < y ? -1 : 1))[0]?.[1];
    if (first?.kind !== 'tree') return height;
    height++;
    entries = [...(await first.tree.entries())];
  }
}

/** The root of the rope stored as the marked tree `tree`, its children as stubs. */
export async function rootStubs(tree: Tree, home: Nodes): Promise<Inner> {
  const height = (await heightBelow(tree, MARKER)) + 1;
  const children = await stubsOf(tree, height - 1, home, true, MARKER);
  if (children.length === 0) return EMPTY_ROOT;
  return innerOf(height, children);
}

/** Nodes this process saved or loaded lately, by store and id: loading one again reads nothing. */
const recent = new WeakMap<Nodes, Map<Hash, Leaf | Inner>>();
const RECENT_MAX = 20_000;

/** Records a saved node, so stubs with its id load from memory. */
export function remember(node: Leaf | Inner): void {
  const { home, hash } = node.saved!;
  let nodes = recent.get(home);
  if (nodes === undefined) recent.set(home, (nodes = new Map()));
  nodes.delete(hash);
  nodes.set(hash, node);
  if (nodes.size > RECENT_MAX) nodes.delete(nodes.keys().next().value!);
}

/** Loads stubs once each; a merge shares one between its three trees. */
export class Loader {
  readonly #cache = new Map<Stub, Promise<Leaf | Inner>>();

  load(stub: Stub): Promise<Leaf | Inner> {
    let loaded = this.#cache.get(stub);
    if (loaded === undefined) {
      const known = recent.get(stub.saved.home)?.get(stub.saved.hash);
      loaded = known !== undefined ? Promise.resolve(known) : loadStub(stub).then((node) => (remember(node), node));
      this.#cache.set(stub, loaded);
    }
    return loaded;
  }

  /** The loaded version of `node`, or `node` itself when it is not a stub. */
  resolve(node: Node): Promise<Leaf | Inner> {
    return node.kind === 2 ? this.load(node) : Promise.resolve(node);
  }

  /** `node` with every stub below it loaded. O(size). */
  async all(node: Node): Promise<Leaf | Inner> {
    const loaded = await this.resolve(node);
    if (loaded.kind === 0) return loaded;
    const children = await Promise.all(loaded.children.map((c) => this.all(c)));
    return new Inner(loaded.height, children, loaded.cp, loaded.saved);
  }

  /**
   * `root` with the nodes on the paths to each of `positions` loaded (both
   * neighbours where a position falls between two children), so edits at
   * those positions never reach a stub.
   */
  async paths(root: Inner, positions: readonly number[]): Promise<Inner> {
    return (await this.#along(root, positions)) as Inner;
  }

  async #along(node: Node, positions: readonly number[]): Promise<Node> {
    if (positions.length === 0 || node.kind === 0) return node;
    const loaded = await this.resolve(node);
    if (loaded.kind === 0) return loaded;
    let off = 0;
    const children = await Promise.all(
      loaded.children.map((c) => {
        const from = off;
        off += c.cp;
        const inside = positions.filter((p) => p >= from && p <= off).map((p) => p - from);
        return this.#along(c, inside);
      }),
    );
    return new Inner(loaded.height, children, loaded.cp, loaded.saved);
  }
}
