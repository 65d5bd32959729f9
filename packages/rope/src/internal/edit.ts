/**
 * Edits of the in-memory tree, B-tree style: an edit copies the path from
 * the root to the leaves it changes, a leaf past `LEAF_MAX` units or an
 * inner node past `INNER_MAX` children splits, and a small node left by a
 * deletion merges with a loaded neighbour. Nothing here hashes: chunk
 * boundaries are made canonical only when a rope is saved (canonical.ts).
 */
import { assert } from '@grove/merge';
import { safeCut, unitIndex } from './code-points.js';
import { EMPTY_ROOT, Inner, innerOf, Leaf, type Node } from './node.js';

/** A leaf splits past this many UTF-16 units. */
const LEAF_MAX = 512;
/** A leaf shorter than this after a deletion merges with a neighbour. */
const LEAF_MIN = 128;
/** An inner node splits past this many children. */
const INNER_MAX = 32;
/** An inner node with fewer children after a deletion merges with a neighbour. */
const INNER_MIN = 8;

/** Leaves holding `text` (`cp` code points), each at most `LEAF_MAX` units. */
function leavesOf(text: string, cp: number): Leaf[] {
  const k = Math.ceil(text.length / ((LEAF_MAX * 3) / 4));
  if (k <= 1) return [new Leaf(text, cp)];
  const size = Math.ceil(text.length / k);
  const out: Leaf[] = [];
  const bmp = text.length === cp;
  for (let at = 0; at < text.length; ) {
    const end = safeCut(text, Math.min(text.length, at + size));
    const piece = text.slice(at, end);
    out.push(new Leaf(piece, bmp ? piece.length : [...piece].length));
    at = end;
  }
  return out;
}

/** Nodes of one height grouped under parents of `height`, at most `INNER_MAX` each. */
function groupsOf(height: number, nodes: readonly Node[]): Inner[] {
  const k = Math.ceil(nodes.length / ((INNER_MAX * 3) / 4));
  const size = Math.ceil(nodes.length / k);
  const out: Inner[] = [];
  for (let at = 0; at < nodes.length; at += size) out.push(innerOf(height, nodes.slice(at, at + size)));
  return out;
}

/** A root over `nodes` (of height `height - 1`), adding levels until one node is left. */
function rootOver(nodes: readonly Node[], height: number): Inner {
  let level = nodes;
  let h = height;
  while (level.length > INNER_MAX) level = groupsOf(h++, level);
  return innerOf(h, level);
}

/** The tree of `text`. */
export function treeOf(text: string, cp: number): Inner {
  return text.length === 0 ? EMPTY_ROOT : rootOver(leavesOf(text, cp), 1);
}

/** Right siblings produced by the last `insertInto` that split its node. */
let spill: Node[] | undefined;

function insertInto(node: Node, pos: number, text: string, textCp: number): Node {
  if (node.kind === 0) {
    const s = node.text;
    const u = unitIndex(s, pos, node.cp);
    const joined = s.slice(0, u) + text + s.slice(u);
    if (joined.length <= LEAF_MAX) return new Leaf(joined, node.cp + textCp);
    const pieces = leavesOf(joined, node.cp + textCp);
    spill = pieces.slice(1);
    return pieces[0]!;
  }
  assert(node.kind === 1, 'rope: an edit reached a node that is not loaded');
  const children = node.children;
  const last = children.length - 1;
  let i = 0;
  while (i < last && pos > children[i]!.cp) pos -= children[i++]!.cp;
  const child = insertInto(children[i]!, pos, text, textCp);
  const extra = spill;
  spill = undefined;
  let next: Node[];
  if (extra === undefined) {
    next = children.slice();
    next[i] = child;
  } else {
    next = [...children.slice(0, i), child, ...extra, ...children.slice(i + 1)];
  }
  if (next.length <= INNER_MAX) return new Inner(node.height, next, node.cp + textCp);
  const groups = groupsOf(node.height, next);
  spill = groups.slice(1);
  return groups[0]!;
}

/** `root` with `text` (`textCp` code points, non-empty) inserted at code point `pos`. O(log n + |text|). */
export function insert(root: Inner, pos: number, text: string, textCp: number): Inner {
  if (root.children.length === 0) return treeOf(text, textCp);
  const node = insertInto(root, pos, text, textCp);
  const extra = spill;
  spill = undefined;
  return extra === undefined ? (node as Inner) : rootOver([node, ...extra], root.height + 1);
}

function isSmall(node: Node): boolean {
  return node.kind === 0 ? node.text.length < LEAF_MIN : node.kind === 1 && node.children.length < INNER_MIN;
}

/** Two loaded neighbours as one node, or two when that one would be too big. */
function joined(a: Node, b: Node): Node[] {
  if (a.kind === 0 && b.kind === 0) {
    const text = a.text + b.text;
    return text.length <= LEAF_MAX ? [new Leaf(text, a.cp + b.cp)] : leavesOf(text, a.cp + b.cp);
  }
  const children = [...(a as Inner).children, ...(b as Inner).children];
  return children.length <= INNER_MAX ? [innerOf(a.height, children)] : groupsOf(a.height, children);
}

/** Merges the small node at `i` of `nodes` with a loaded neighbour, in place. */
function mend(nodes: Node[], i: number): void {
  const node = nodes[i];
  if (node === undefined || !isSmall(node)) return;
  const j = nodes[i + 1]?.kind === node.kind ? i + 1 : nodes[i - 1]?.kind === node.kind ? i - 1 : -1;
  if (j < 0) return;
  const at = Math.min(i, j);
  nodes.splice(at, 2, ...joined(nodes[at]!, nodes[at + 1]!));
}

function removeFrom(node: Node, start: number, end: number): Node | undefined {
  if (start === 0 && end === node.cp) return undefined;
  if (node.kind === 0) {
    const s = node.text;
    return new Leaf(s.slice(0, unitIndex(s, start, node.cp)) + s.slice(unitIndex(s, end, node.cp)), node.cp - (end - start));
  }
  assert(node.kind === 1, 'rope: an edit reached a node that is not loaded');
  const children = node.children;
  let i = 0;
  let off = 0;
  while (off + children[i]!.cp <= start) off += children[i++]!.cp;
  const first = children[i]!;
  if (end <= off + first.cp) {
    // the common case: the range lies within one child
    const rest = removeFrom(first, start - off, end - off);
    const next = children.slice();
    if (rest === undefined) next.splice(i, 1);
    else {
      next[i] = rest;
      mend(next, i);
    }
    return next.length === 0 ? undefined : new Inner(node.height, next, node.cp - (end - start));
  }
  const next: Node[] = children.slice(0, i);
  const touched: number[] = [];
  for (; i < children.length; i++) {
    const c = children[i]!;
    const cEnd = off + c.cp;
    if (off >= end) next.push(c);
    else if (start > off || cEnd > end) {
      const rest = removeFrom(c, Math.max(start - off, 0), Math.min(end, cEnd) - off);
      if (rest !== undefined) touched.push(next.push(rest) - 1);
    }
    off = cEnd;
  }
  for (let t = touched.length - 1; t >= 0; t--) mend(next, touched[t]!);
  return next.length === 0 ? undefined : innerOf(node.height, next);
}

/** `root` without code points [start, end). O(log n) for a range within a few leaves. */
export function remove(root: Inner, start: number, end: number): Inner {
  if (start === end) return root;
  let node = removeFrom(root, start, end);
  if (node === undefined) return EMPTY_ROOT;
  while (node.kind === 1 && node.height > 1 && node.children.length === 1 && node.children[0]!.kind === 1) node = node.children[0]!;
  return node as Inner;
}
