/**
 * The rope as a value: the verbs every Grove type speaks (`empty`, `equals`,
 * `merge`, `encode`, `decode`) and its `Mergeable` descriptor, for merges in
 * memory and for combinators (`record({ body: rope })`). In a store, use
 * `structure` (structure.ts), which keeps a text as a tree of chunks.
 */
import { codecs, constant, ok, registerFamily, type MergeArgs, type MergeResult, type Mergeable } from '@grove/merge';
import { runInMemory } from './internal/drive.js';
import { applyHunks } from './internal/merge-hunks.js';
import { threeWay, unrelated } from './internal/three-way.js';
import { Rope, rootOf, ropeOf } from './rope.js';

/** The empty text. */
export function empty(): Rope {
  return Rope.empty;
}

/** True when `a` and `b` hold the same text. */
export function equals(a: Rope, b: Rope): boolean {
  return a.equals(b);
}

/**
 * Three-way merge of texts; never conflicts. Each side's edits against
 * `base` are found by diffing (equal subtrees skipped, then the changed
 * leaves diffed as code points) and both are applied: edits that do not
 * overlap all apply; overlapping deletions delete the union; text one side
 * inserted inside a range the other deleted is kept; texts inserted at the
 * same position are both kept, ordered by text, and the same text at the
 * same position is kept once. The result does not depend on which side is
 * `ours`. Without a base, equal texts give that text, different ones both,
 * the smaller first.
 *
 * Complexity: O((d + k) log n) for k changed nodes, plus a Myers diff of
 * the changed leaves (O(c·e) for c changed code points and e edits).
 * @example
 * const base = Rope.from('the cat sat');
 * merge({ base, ours: base.insert(4, 'black '), theirs: base.splice(8, 3, 'slept') });
 * // { ok: true, value: Rope "the black cat slept" }
 */
export function merge({ base, ours, theirs }: MergeArgs<Rope>): MergeResult<Rope> {
  if (base === undefined) return ok(Rope.from(unrelated(ours.toString(), theirs.toString())));
  const [b, o, t] = [rootOf(base), rootOf(ours), rootOf(theirs)];
  if (b === t || o === t) return ok(ours);
  if (b === o) return ok(theirs);
  return ok(ropeOf(applyHunks(b, runInMemory(threeWay(b, o, t)))));
}

/** The text as UTF-8. */
export function encode(rope: Rope): Uint8Array {
  return codecs.string.encode(rope.toString());
}

/** A rope from UTF-8 bytes; throws `DecodeError` on bytes that are not UTF-8. */
export function decode(bytes: Uint8Array): Rope {
  return Rope.from(codecs.string.decode(bytes));
}

/**
 * The rope's `Mergeable`: a text as one UTF-8 value (tag `grove/rope-text@1`),
 * merged by `merge`.
 * @example
 * const page = record({ title: defaultMerge(codecs.string), body: mergeable });
 */
export const mergeable: Mergeable<Rope> = { tag: 'grove/rope-text@1', equals, merge, encode, decode };

registerFamily(constant(mergeable.tag, mergeable));
