/**
 * The queue in a Grove store: a `Structure` whose value is a marked tree
 * (see layout/README.md). It also reads queues stored as one typed blob
 * by the `Mergeable` encoding, and merges them by loading them.
 */
import { formatPath, isGroveError, type Codec, type Conflict, type Mergeable, type Path } from '@grove/merge';
import { readBlobChild, type Nodes, type TreeChild } from '@grove/store';
import type { Element, Queue, QueueStructure, StoredMergeResult } from '../queue.js';
import { decodeQueue } from './flat-codec.js';
import { malformed, type Layout } from './layout/layout.js';
import { loadTree } from './layout/load.js';
import { mergeTrees } from './layout/merge.js';
import { saveTree } from './layout/save.js';
import { mergeQueues } from './merge-items.js';
import { valueOf, type QueueValue } from './value.js';

export function queueStructure<T>(tag: string, codec: Codec<T>, bits: number, asValue: () => Mergeable<Queue<T>>): QueueStructure<T> {
  const layout = (nodes: Nodes): Layout<T> => ({ tag, codec, bits, nodes });
  const header = new TextEncoder().encode(`#!grove ${tag}\n`);
  const load = async (child: TreeChild, nodes: Nodes): Promise<QueueValue<T>> => {
    if (child.kind === 'tree') return loadTree(layout(nodes), child.tree);
    const bytes = child.kind === 'blob' ? await readBlobChild(child, nodes) : undefined;
    if (bytes === undefined || !startsWith(bytes, header)) malformed(layout(nodes), child.hash, `expected a tree or a blob of type ${tag}`);
    return decodeQueue(bytes!.subarray(header.length), codec, tag);
  };
  const save = async (value: Queue<T>, nodes: Nodes): Promise<TreeChild> => ({ kind: 'tree', tree: await saveTree(layout(nodes), valueOf(value)) });
  return {
    kind: 'structure',
    tag,
    save,
    load,
    asValue,
    async merge({ base, ours, theirs, path, nodes }): Promise<StoredMergeResult<T>> {
      try {
        if (ours.kind === 'tree' && theirs.kind === 'tree' && (base === undefined || base.kind === 'tree')) {
          const merged = await mergeTrees(layout(nodes), base?.tree, ours.tree, theirs.tree);
          return reported({ kind: 'tree', tree: merged.root }, merged.deliveredTwice, path);
        }
        const [b, o, t] = await Promise.all([base && load(base, nodes), load(ours, nodes), load(theirs, nodes)]);
        const merged = mergeQueues(b, o, t);
        return reported(await save(merged.value, nodes), merged.deliveredTwice, path);
      } catch (e) {
        if (!isGroveError(e) || (e.code !== 'invalid-layout' && e.code !== 'decode-error')) throw e;
        return { ok: false, conflicts: [invalid(path, e.message)] };
      }
    },
  };
}

/** The merge result, its double deliveries both as a typed field and as a note the store passes on. */
function reported<T>(value: TreeChild, deliveredTwice: readonly Element<T>[], path: Path): StoredMergeResult<T> {
  if (deliveredTwice.length === 0) return { ok: true, value, deliveredTwice };
  const message = `${deliveredTwice.length} element(s) popped on both sides were delivered twice; consumers must be idempotent for them`;
  return { ok: true, value, deliveredTwice, notes: [{ kind: 'delivered-twice', path, message, data: deliveredTwice }] };
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function invalid(path: Path, reason: string): Conflict {
  return { kind: 'invalid-value', path, message: `${formatPath(path)}: a side is not a valid queue (${reason}); restore it from another replica` };
}
