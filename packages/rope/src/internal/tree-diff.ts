/**
 * The edits from one rope's tree to another's, found level by level from
 * the roots: at each level the two runs of nodes are aligned by id (Myers
 * on the ids), nodes equal on both sides are skipped whole, and only the
 * runs that differ are opened one level down. At the leaves the differing
 * runs are diffed as text. Cost: the differing nodes times the depth, plus
 * the text diff of the differing leaves.
 *
 * Written as a generator that yields the nodes it is about to open, so the
 * same code runs on in-memory trees (nothing to load) and on stored ones
 * (the driver loads those nodes between steps; see drive.ts).
 */
import { diffSegments } from './myers.js';
import { keyOf, type Inner, type Leaf, type Node } from './node.js';
import { diffText, type Hunk } from './text-diff.js';

/** Nodes the diff is about to open; `deep`: their whole subtrees (to read their text). */
export interface Request {
  readonly nodes: readonly Node[];
  readonly deep: boolean;
}

/** A node's loaded version (for a stub, once the driver loaded it). */
export type Resolve = (node: Node) => Leaf | Inner;

/** Runs of nodes of one height: `a` (old) at code point `at` of the old text, `b` (new). */
interface Pair {
  readonly a: readonly Node[];
  readonly b: readonly Node[];
  readonly at: number;
}

/** Past this many differing nodes in one run, the runs are opened whole. */
const MAX_NODE_EDITS = 500;

const sizeOf = (nodes: readonly Node[]) => nodes.reduce((n, c) => n + c.cp, 0);

function childrenOf(nodes: readonly Node[], get: Resolve): Node[] {
  return nodes.flatMap((n) => (get(n) as Inner).children);
}

function textBelow(nodes: readonly Node[], get: Resolve): string {
  return nodes.map((n) => {
    const loaded = get(n);
    return loaded.kind === 0 ? loaded.text : textBelow(loaded.children, get);
  }).join('');
}

/** The runs of `pair` that differ, aligned by node id. */
function differing(pair: Pair): Pair[] {
  const ka = pair.a.map(keyOf);
  const kb = pair.b.map(keyOf);
  const segments = diffSegments(ka.length, kb.length, (i, j) => ka[i] === kb[j], MAX_NODE_EDITS) ?? [{ aStart: 0, aEnd: ka.length, bStart: 0, bEnd: kb.length }];
  let at = pair.at;
  let done = 0;
  return segments.map((g) => {
    at += sizeOf(pair.a.slice(done, g.aStart));
    done = g.aStart;
    return { a: pair.a.slice(g.aStart, g.aEnd), b: pair.b.slice(g.bStart, g.bEnd), at };
  });
}

/** The hunks turning the text of `a` into that of `b`, in order, in `a`'s code points. */
export function* diffTrees(a: Inner, b: Inner, get: Resolve): Generator<Request, Hunk[], void> {
  let ra: readonly Node[] = a.children;
  let rb: readonly Node[] = b.children;
  let height = a.height - 1;
  for (let hb = b.height - 1; height > hb; height--) {
    yield { nodes: ra, deep: false };
    ra = childrenOf(ra, get);
  }
  for (let hb = b.height - 1; hb > height; hb--) {
    yield { nodes: rb, deep: false };
    rb = childrenOf(rb, get);
  }
  const hunks: Hunk[] = [];
  let pairs: Pair[] = [{ a: ra, b: rb, at: 0 }];
  for (; pairs.length > 0; height--) {
    const runs = pairs.flatMap(differing);
    yield { nodes: runs.filter((r) => r.a.length === 0).flatMap((r) => r.b), deep: true };
    yield { nodes: runs.filter((r) => r.a.length > 0 && r.b.length > 0).flatMap((r) => [...r.a, ...r.b]), deep: false };
    pairs = [];
    for (const r of runs) {
      if (r.a.length === 0) hunks.push({ start: r.at, end: r.at, text: textBelow(r.b, get) });
      else if (r.b.length === 0) hunks.push({ start: r.at, end: r.at + sizeOf(r.a), text: '' });
      else if (height === 0) hunks.push(...diffText(textBelow(r.a, get), textBelow(r.b, get), r.at));
      else pairs.push({ a: childrenOf(r.a, get), b: childrenOf(r.b, get), at: r.at });
    }
  }
  return hunks.sort((x, y) => x.start - y.start);
}
