/**
 * A stored queue's root tree: the marker entry `.grove` naming the type,
 * a `clock` blob holding the queue's clock, and the top nodes of the
 * element tree, each named by its first element's stamp.
 */
import { blobChild, markTree, readBlobChild, type Tree } from '@grove/store';
import { formatStamp, type Stamp } from '../../stamp.js';
import { parseStamp } from '../stamps.js';
import type { Built } from './builder.js';
import { CLOCK, childrenOf, malformed, type Layout, type NodeEntry } from './layout.js';

export interface Root {
  readonly clock: Stamp | undefined;
  readonly children: readonly NodeEntry[];
}

const text = new TextDecoder('utf-8', { fatal: false });

export async function readRoot(layout: Layout<unknown>, tree: Tree): Promise<Root> {
  const entry = (await tree.entries()).get(CLOCK);
  let clock: Stamp | undefined;
  if (entry !== undefined) {
    clock = entry.kind === 'blob' ? parseStamp(text.decode(await readBlobChild(entry, layout.nodes))) : undefined;
    if (clock === undefined) malformed(layout, CLOCK, 'expected a blob holding a stamp time.seq.replica');
  }
  return { clock, children: await childrenOf(layout, tree, true) };
}

export async function writeRoot(layout: Layout<unknown>, children: readonly Built[], clock: Stamp | undefined): Promise<Tree> {
  const entries = new Map(children.map((c) => [formatStamp(c.key), c.child]));
  if (clock !== undefined) entries.set(CLOCK, blobChild(new TextEncoder().encode(formatStamp(clock))));
  return markTree(await layout.nodes.emptyTree().patch(entries), layout.tag);
}
