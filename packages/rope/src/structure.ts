/**
 * The rope in a store: a Merkle tree of Git trees and blobs under a root
 * tree marked `grove/rope@1`. Saving writes only the nodes that changed
 * since the rope was last saved or loaded; merging walks the three stored
 * trees, skips equal subtrees, and loads only the nodes that differ.
 */
import { constant, isGroveError, ok, registerFamily, type MergeResult } from '@grove/merge';
import type { Nodes, Structure, StructureMergeArgs, Tree, TreeChild, WithHandle } from '@grove/store';
import { RopeError } from './errors.js';
import { ropeHandle, type RopeHandle } from './handle.js';
import { canonicalize } from './internal/canonical.js';
import { runStored } from './internal/drive.js';
import { Loader, rootStubs } from './internal/load.js';
import { applyHunks } from './internal/merge-hunks.js';
import type { Inner } from './internal/node.js';
import { textOf } from './internal/read.js';
import { threeWay, unrelated } from './internal/three-way.js';
import { rememberSaved, Rope, ropeOf, rootOf, savedAs } from './rope.js';

/** The tag in the marker of a rope's root tree. */
const TAG = 'grove/rope@1';

/** Ropes this process saved or loaded, by their root tree: loading one again is free. */
const known = new WeakMap<Tree, Rope>();
/** Merged trees this process built, partly loaded: loading one reads only what the merge did not. */
const merged = new WeakMap<Tree, Inner>();

function treeOf(child: TreeChild): Tree {
  if (child.kind !== 'tree') throw new RopeError('not-a-rope', `a rope is stored as a tree marked ${TAG}, not a ${child.kind}`, { hash: child.hash });
  return child.tree;
}

async function save(rope: Rope, nodes: Nodes): Promise<TreeChild> {
  const last = savedAs(rope);
  if (last?.nodes === nodes) return last.child;
  const { root, tree } = await canonicalize(rootOf(rope), nodes, TAG);
  const child: TreeChild = { kind: 'tree', tree };
  rememberSaved(rope, root, { nodes, child });
  known.set(tree, rope);
  return child;
}

/** Saves the merged tree `root`, which may hold stubs, so it is never handed out as a rope. */
async function saveMerged(root: Inner, nodes: Nodes): Promise<TreeChild> {
  const canonical = await canonicalize(root, nodes, TAG);
  merged.set(canonical.tree, canonical.root);
  return { kind: 'tree', tree: canonical.tree };
}

async function load(child: TreeChild, nodes: Nodes): Promise<Rope> {
  const tree = treeOf(child);
  const cached = known.get(tree);
  if (cached !== undefined) return cached;
  const root = (await new Loader().all(merged.get(tree) ?? (await rootStubs(tree, nodes)))) as Inner;
  const rope = ropeOf(root);
  if (rope !== Rope.empty) rememberSaved(rope, root, { nodes, child });
  known.set(tree, rope);
  return rope;
}

async function mergeStored({ base, ours, theirs, nodes }: StructureMergeArgs): Promise<MergeResult<TreeChild>> {
  const [o, t] = [treeOf(ours), treeOf(theirs)];
  if (o.hash === t.hash) return ok(ours);
  const loader = new Loader();
  const [oRoot, tRoot] = await Promise.all([rootStubs(o, nodes), rootStubs(t, nodes)]);
  if (base === undefined) {
    const [x, y] = await Promise.all([loader.all(oRoot), loader.all(tRoot)]);
    return ok(await save(Rope.from(unrelated(textOf(x), textOf(y))), nodes));
  }
  const bRoot = await rootStubs(treeOf(base), nodes);
  const hunks = await runStored(threeWay(bRoot, oRoot, tRoot), loader);
  const edited = applyHunks(await loader.paths(bRoot, hunks.flatMap((h) => [h.start, h.end])), hunks);
  return ok(await saveMerged(edited, nodes));
}

/**
 * The rope as a stored structure. A text is a tree of content-defined
 * chunks: equal texts have equal root ids whatever their edit history, a
 * save writes O(k log n) objects after k edits, and `git show` of a leaf
 * prints text. Its merge has the semantics of `merge` (never conflicts)
 * and costs what differs: equal subtrees are skipped unopened. A side that
 * is not a valid rope is an `invalid-value` conflict. In a document schema
 * it gives a `RopeHandle`.
 * @example
 * await main.set(['doc'], Rope.from('hello'), { type: structure });
 * const doc = await main.get(['doc'], structure); // a Rope
 * await document(main, { doc: structure }).change((d) => d.doc.insert(5, '!'));
 */
export const structure: Structure<Rope> & WithHandle<Rope, RopeHandle> = {
  kind: 'structure',
  tag: TAG,
  save,
  load,
  handle: ropeHandle,
  async merge(args) {
    try {
      return await mergeStored(args);
    } catch (e) {
      if (!isGroveError(e) || e.code !== 'not-a-rope') throw e;
      return { ok: false, conflicts: [{ kind: 'invalid-value', path: args.path, message: `${args.path.join('/')}: ${e.message}` }] };
    }
  },
};

registerFamily(constant(TAG, structure));
