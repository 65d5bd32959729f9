/** Reads of the in-memory tree: the code point at a position, leaves in order, the whole text. */
import { assert } from '@grove/merge';
import { unitIndex } from './code-points.js';
import type { Inner, Leaf, Node } from './node.js';

/** The code point at `pos` (0 <= pos < root.cp) as a string. O(log n). */
export function codePointAt(root: Inner, pos: number): string {
  let node: Node = root;
  while (node.kind === 1) {
    const children: readonly Node[] = node.children;
    let i = 0;
    while (pos >= children[i]!.cp) pos -= children[i++]!.cp;
    node = children[i]!;
  }
  assert(node.kind === 0, 'rope: a read reached a node that is not loaded');
  const s = node.text;
  if (s.length === node.cp) return s[pos]!;
  return String.fromCodePoint(s.codePointAt(unitIndex(s, pos, node.cp))!);
}

/** The leaves below `node`, left to right. */
export function* leaves(node: Node): Generator<Leaf> {
  if (node.kind === 0) yield node;
  else if (node.kind === 1) for (const c of node.children) yield* leaves(c);
  else assert(false, 'rope: a read reached a node that is not loaded');
}

/** The text below `node`. O(n). */
export function textOf(node: Node): string {
  const parts: string[] = [];
  for (const leaf of leaves(node)) parts.push(leaf.text);
  return parts.join('');
}

/** True when the texts below `a` and `b` are equal, compared chunk by chunk. O(n). */
export function sameText(a: Node, b: Node): boolean {
  const xs = leaves(a);
  const ys = leaves(b);
  let x = '';
  let y = '';
  for (;;) {
    if (x.length === 0) x = xs.next().value?.text ?? '';
    if (y.length === 0) y = ys.next().value?.text ?? '';
    if (x.length === 0 || y.length === 0) return x.length === y.length;
    const n = Math.min(x.length, y.length);
    if (x.slice(0, n) !== y.slice(0, n)) return false;
    x = x.slice(n);
    y = y.slice(n);
  }
}
