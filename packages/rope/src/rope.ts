/**
 * `Rope`: an immutable text with O(log n) edits, positions in code points.
 * In memory it is a B-tree of text chunks that nothing hashes; saving it
 * into a store (structure.ts) makes its chunks canonical and remembers the
 * result, so the next save writes only what changed since.
 */
import type { Nodes, TreeChild } from '@grove/store';
import { RopeError } from './errors.js';
import { countCodePoints } from './internal/code-points.js';
import { insert, remove, treeOf } from './internal/edit.js';
import { EMPTY_ROOT, type Inner } from './internal/node.js';
import { codePointAt, leaves, sameText, textOf } from './internal/read.js';

/** The last store a rope was saved into, and the entry it was saved as. */
interface SavedAs {
  readonly nodes: Nodes;
  readonly child: TreeChild;
}

let rootOfRope: (rope: Rope) => Inner;
let makeRope: (root: Inner) => Rope;
let rememberSave: (rope: Rope, root: Inner, saved: SavedAs) => void;
let savedAsOfRope: (rope: Rope) => SavedAs | undefined;

/**
 * An immutable text. Every edit returns a new rope sharing all but the
 * changed path with the old one. Positions and lengths count Unicode code
 * points, so an emoji is one position, and CRLF two.
 *
 * Complexity: `insert`, `delete`, `splice`, `slice` and `at` are
 * O(log n) plus the size of the inserted text; `toString` and iteration
 * are O(n); `length` is O(1).
 * @example
 * const a = Rope.from('hello world');
 * const b = a.insert(5, ',').delete(7, 5).insert(7, '🌍'); // "hello, 🌍"
 * b.length;  // 8
 * b.at(7);   // "🌍"
 */
export class Rope implements Iterable<string> {
  #root: Inner;
  #saved: SavedAs | undefined;

  static {
    rootOfRope = (rope) => rope.#root;
    makeRope = (root) => new Rope(root);
    rememberSave = (rope, root, saved) => {
      rope.#root = root;
      rope.#saved = saved;
    };
    savedAsOfRope = (rope) => rope.#saved;
  }

  private constructor(root: Inner) {
    this.#root = root;
  }

  /** The empty text. */
  static readonly empty: Rope = new Rope(EMPTY_ROOT);

  /** The rope holding `text`. O(n). Throws `invalid-text` on a lone surrogate. */
  static from(text: string): Rope {
    checkText(text);
    return text.length === 0 ? Rope.empty : new Rope(treeOf(text, countCodePoints(text)));
  }

  /** Code points in the text. O(1). */
  get length(): number {
    return this.#root.cp;
  }

  /** The code point at `index` as a string (negative counts from the end), or undefined past either end. O(log n). */
  at(index: number): string | undefined {
    const i = index < 0 ? index + this.length : index;
    return Number.isInteger(i) && i >= 0 && i < this.length ? codePointAt(this.#root, i) : undefined;
  }

  /** The text with `text` inserted before code point `pos` (0 <= pos <= length). */
  insert(pos: number, text: string): Rope {
    this.#check(pos, this.length, 'position');
    checkText(text);
    return text.length === 0 ? this : new Rope(insert(this.#root, pos, text, countCodePoints(text)));
  }

  /** The text without `count` code points from `pos`. */
  delete(pos: number, count: number): Rope {
    this.#check(pos, this.length, 'position');
    this.#check(count, this.length - pos, 'count');
    return count === 0 ? this : new Rope(remove(this.#root, pos, pos + count));
  }

  /** Deletes `deleteCount` code points at `pos`, then inserts `text` there (one patch of an editing trace). */
  splice(pos: number, deleteCount: number, text = ''): Rope {
    return this.delete(pos, deleteCount).insert(pos, text);
  }

  /** The code points [start, end) as a rope sharing this one's nodes. O(log n). */
  slice(start = 0, end = this.length): Rope {
    this.#check(end, this.length, 'end');
    this.#check(start, end, 'start');
    return new Rope(remove(remove(this.#root, end, this.length), 0, start));
  }

  /** The whole text. O(n). */
  toString(): string {
    return textOf(this.#root);
  }

  /** The code points, in order. */
  *[Symbol.iterator](): Iterator<string> {
    for (const leaf of leaves(this.#root)) yield* leaf.text;
  }

  /** The text in pieces (the rope's leaves), in order; joined, they are `toString()`. */
  *chunks(): Generator<string> {
    for (const leaf of leaves(this.#root)) yield leaf.text;
  }

  /** True when both ropes hold the same text, however they were built. O(1) when both were saved, else O(n) at worst. */
  equals(other: Rope): boolean {
    if (this.#root === other.#root) return true;
    if (this.length !== other.length) return false;
    const [a, b] = [this.#saved?.child, other.#saved?.child];
    if (a?.kind === 'tree' && b?.kind === 'tree') return a.tree.hash === b.tree.hash;
    return sameText(this.#root, other.#root);
  }

  #check(value: number, max: number, what: string): void {
    if (!Number.isInteger(value) || value < 0 || value > max) {
      throw new RopeError('out-of-range', `${what} ${value} is outside 0..${max} of a text of ${this.length} code points; positions count code points`, { position: value, length: this.length });
    }
  }
}

function checkText(text: string): void {
  if (typeof text !== 'string' || !text.isWellFormed()) {
    throw new RopeError('invalid-text', 'the text holds a lone surrogate, which has no UTF-8 encoding; pass well-formed text (String.prototype.toWellFormed fixes it)');
  }
}

/** The tree of `rope`. */
export function rootOf(rope: Rope): Inner {
  return rootOfRope(rope);
}

/** A rope over `root`. */
export function ropeOf(root: Inner): Rope {
  return root.cp === 0 ? Rope.empty : makeRope(root);
}

/**
 * Records that `rope` was saved into `saved.nodes` as `saved.child`, with
 * `root` (the same text, chunked canonically) as its tree from now on.
 */
export function rememberSaved(rope: Rope, root: Inner, saved: SavedAs): void {
  rememberSave(rope, root, saved);
}

/** Where `rope` was last saved, if it was. */
export function savedAs(rope: Rope): SavedAs | undefined {
  return savedAsOfRope(rope);
}
