/**
 * Writing a queue as a tree. A queue loaded from (or saved to) the same
 * store remembers that tree, so the next save drops the popped prefix and
 * appends the new elements: the left and right edges of the tree change,
 * nothing in between is read or written.
 */
import type { Tree } from '@grove/store';
import type { QueueValue } from '../value.js';
import { Builder } from './builder.js';
import { Cursor } from './cursor.js';
import { applyEdits } from './edit.js';
import type { Layout } from './layout.js';
import { readRoot, writeRoot } from './root.js';

/** The root tree of `q`; only nodes that changed since `q`'s origin are new. Records the new origin. */
export async function saveTree<T>(layout: Layout<T>, q: QueueValue<T>): Promise<Tree> {
  const origin = q.origin?.nodes === layout.nodes ? q.origin : undefined;
  const edited = { ...layout, written: origin !== undefined && origin.root.newObjects().size === 0 };
  const builder = new Builder(edited);
  if (origin !== undefined && q.size > 0) {
    const cursor = await Cursor.open(edited, (await readRoot(edited, origin.root)).children);
    const insertions = q.items.slice(Math.max(q.start, origin.end), q.end);
    await applyEdits(cursor, { dropBefore: q.items[q.start]!.stamp, insertions }, builder);
  } else {
    for (let i = q.start; i < q.end; i++) await builder.add(q.items[i]!);
  }
  const root = await writeRoot(edited, await builder.finish(), q.clock);
  q.origin = { root, nodes: layout.nodes, end: q.end };
  return root;
}
