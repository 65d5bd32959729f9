/**
 * Nodes as Git objects. A leaf is a blob holding its text (UTF-8), so
 * `git show` prints it. An inner node is a tree whose entries are named
 * `<index>-<code points>`: the index (three digits) keeps Git's name order
 * equal to the text order, and the length lets a position be found without
 * opening the child.
 *
 *     $ git ls-tree <rope>
 *     100644 blob 3f1c…  .grove          (the marker: grove/rope@1)
 *     040000 tree 9a0e…  000-18342
 *     040000 tree 5b7d…  001-20931
 *     $ git ls-tree <rope>/000-18342
 *     100644 blob c2e4…  000-1533
 *     100644 blob 0d91…  001-611        (each blob is a chunk of the text)
 */
import { blobChild, readBlobChild, type Nodes, type Tree, type TreeChild } from '@grove/store';
import { RopeError } from '../errors.js';
import { countCodePoints } from './code-points.js';
import { Inner, Leaf, Stub, type Node, type Saved } from './node.js';

/** The entry name of the `index`-th child, holding `cp` code points. */
function entryName(index: number, cp: number): string {
  return `${String(index).padStart(3, '0')}-${cp}`;
}

const NAME = /^(\d{3})-([1-9]\d*)$/;

/** A saved record for a node at `entry`, built for `home`. */
export function savedAt(hash: string, entry: TreeChild, home: Nodes, edge: boolean): Saved {
  return { hash, edge, home, entry, holder: undefined };
}

/** A new leaf holding `text`, its blob pending until a tree holding it is written. */
export function newLeaf(text: string, home: Nodes, edge: boolean): Leaf {
  const entry = blobChild(Buffer.from(text, 'utf8'));
  return new Leaf(text, countCodePoints(text), savedAt(entry.hash, entry, home, edge));
}

function isStored(tree: Tree): boolean {
  return tree.newObjects().size === 0;
}

/** The entry a new parent tree holds for `node` (saved for the same store). */
function entryOf(node: Node): TreeChild {
  const saved = node.saved!;
  const entry = saved.entry;
  if (entry.kind === 'blob' && entry.pending !== undefined && saved.holder !== undefined && isStored(saved.holder)) {
    saved.entry = { kind: 'blob', mode: entry.mode, hash: entry.hash };
    saved.holder = undefined;
  }
  return saved.entry;
}

/**
 * The tree of an inner node over `children` (all saved for `home`), passed
 * through `finish` (the root's marking) when given.
 */
export async function treeOver(children: readonly Node[], home: Nodes, finish?: (tree: Tree) => Promise<Tree>): Promise<Tree> {
  const entries = new Map<string, TreeChild>();
  children.forEach((c, i) => entries.set(entryName(i, c.cp), entryOf(c)));
  const built = await home.emptyTree().patch(entries);
  const tree = finish === undefined ? built : await finish(built);
  for (const c of children) {
    const saved = c.saved!;
    if (saved.entry.kind === 'blob' && saved.entry.pending !== undefined) saved.holder = tree;
  }
  return tree;
}

function notARope(tree: Tree, entry: string, why: string): RopeError {
  return new RopeError('not-a-rope', `tree ${tree.hash} is not a rope node: ${why}; it was not written by @grove/rope, or is corrupt`, { hash: tree.hash, entry });
}

/**
 * The children of `tree` as stubs of `height` (0: leaves), skipping `skip`
 * (the marker). `edge` is the parent's: only its last child inherits it.
 * Throws `not-a-rope` on entries a rope never writes.
 */
export async function stubsOf(tree: Tree, height: number, home: Nodes, edge: boolean, skip?: string): Promise<Stub[]> {
  const entries = [...(await tree.entries())].filter(([name]) => name !== skip).sort(([x], [y]) => (x < y ? -1 : 1));
  return entries.map(([name, entry], i) => {
    const m = NAME.exec(name);
    if (m === null || Number(m[1]) !== i) throw notARope(tree, name, `entry ${i} should be named ${entryName(i, 1).slice(0, 4)}<length>`);
    if ((entry.kind === 'blob') !== (height === 0) || entry.kind === 'commit') throw notARope(tree, name, `expected ${height === 0 ? 'a blob' : 'a tree'}`);
    const hash = entry.kind === 'tree' ? entry.tree.hash : entry.hash;
    return new Stub(height, Number(m[2]), savedAt(hash, entry, home, edge && i === entries.length - 1));
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The node `stub` stands for, its children (if any) as stubs. */
export async function loadStub(stub: Stub): Promise<Leaf | Inner> {
  const { entry, home, edge } = stub.saved;
  if (entry.kind === 'tree') {
    const children = await stubsOf(entry.tree, stub.height - 1, home, edge);
    const cp = children.reduce((n, c) => n + c.cp, 0);
    if (cp !== stub.cp) throw notARope(entry.tree, '', `its entries hold ${cp} code points, its name says ${stub.cp}`);
    return new Inner(stub.height, children, cp, stub.saved);
  }
  const bytes = entry.kind === 'blob' ? await readBlobChild(entry, home) : await home.readBlob(stub.saved.hash);
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    throw new RopeError('not-a-rope', `blob ${stub.saved.hash} is not UTF-8 text, so it is not a rope leaf`, { hash: stub.saved.hash });
  }
  if (text.length === 0 || countCodePoints(text) !== stub.cp) {
    throw new RopeError('not-a-rope', `blob ${stub.saved.hash} holds ${countCodePoints(text)} code points, its name says ${stub.cp}`, { hash: stub.saved.hash });
  }
  return new Leaf(text, stub.cp, stub.saved);
}
