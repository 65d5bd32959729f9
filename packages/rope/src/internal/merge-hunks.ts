/**
 * Combining two edit scripts made against the same base (ours and theirs)
 * into one. Hunks from the two sides that overlap or touch form a cluster;
 * the cluster deletes the union of their ranges and inserts every side's
 * text, ordered by position, then by text (code unit order), the same text
 * at the same position taken once. So the result does not depend on which
 * side is "ours", and it always exists: a text merge never conflicts.
 */
import { countCodePoints } from './code-points.js';
import { insert, remove } from './edit.js';
import type { Inner } from './node.js';
import type { Hunk } from './text-diff.js';

/** One edit script from the two; both in base positions, in order. */
export function mergeHunks(ours: readonly Hunk[], theirs: readonly Hunk[]): Hunk[] {
  const all = [...ours, ...theirs].sort((x, y) => x.start - y.start || x.end - y.end);
  const out: Hunk[] = [];
  for (let i = 0; i < all.length; ) {
    const cluster = [all[i]!];
    let end = all[i]!.end;
    for (i++; i < all.length && all[i]!.start <= end; i++) {
      cluster.push(all[i]!);
      end = Math.max(end, all[i]!.end);
    }
    const inserts = cluster.filter((h) => h.text.length > 0).sort((x, y) => x.start - y.start || (x.text < y.text ? -1 : x.text > y.text ? 1 : 0));
    const texts = inserts.filter((h, k) => k === 0 || h.start !== inserts[k - 1]!.start || h.text !== inserts[k - 1]!.text).map((h) => h.text);
    out.push({ start: cluster[0]!.start, end, text: texts.join('') });
  }
  return out;
}

/** `root` with `hunks` (in order, in its positions) applied. O(k log n) plus the inserted text. */
export function applyHunks(root: Inner, hunks: readonly Hunk[]): Inner {
  let r = root;
  for (let i = hunks.length - 1; i >= 0; i--) {
    const h = hunks[i]!;
    r = remove(r, h.start, h.end);
    if (h.text.length > 0) r = insert(r, h.start, h.text, countCodePoints(h.text));
  }
  return r;
}
