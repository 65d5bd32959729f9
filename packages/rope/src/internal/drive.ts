/**
 * Drivers of the tree diff (tree-diff.ts): in memory, where every node is
 * loaded, and over a store, where the nodes a step is about to open are
 * loaded first, all of one step in parallel.
 */
import { assert } from '@grove/merge';
import type { Loader } from './load.js';
import type { Inner, Leaf, Node } from './node.js';
import type { Request, Resolve } from './tree-diff.js';

type Steps<T> = (get: Resolve) => Generator<Request, T, void>;

const inMemory: Resolve = (node) => {
  assert(node.kind !== 2, 'rope: an in-memory merge met a node that is not loaded');
  return node;
};

/** Runs `steps` on loaded trees. */
export function runInMemory<T>(steps: Steps<T>): T {
  const it = steps(inMemory);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
  }
}

/** Runs `steps` on stored trees, loading what each step asks for with `loader`. */
export async function runStored<T>(steps: Steps<T>, loader: Loader): Promise<T> {
  const loaded = new Map<Node, Leaf | Inner>();
  const get: Resolve = (node) => (node.kind === 2 ? loaded.get(node)! : node);
  const fill = async (node: Node, deep: boolean): Promise<void> => {
    if (node.kind === 2 && !loaded.has(node)) loaded.set(node, await loader.load(node));
    const n = get(node);
    if (deep && n.kind === 1) await Promise.all(n.children.map((c) => fill(c, true)));
  };
  const it = steps(get);
  for (;;) {
    const r = it.next();
    if (r.done) return r.value;
    if (r.value.nodes.some((n) => n.kind === 2 || r.value.deep)) await Promise.all(r.value.nodes.map((n) => fill(n, r.value.deep)));
  }
}
