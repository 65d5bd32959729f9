/**
 * Connectivity of a received pack: every object reachable from a new ref
 * value is in the pack or already stored (stored objects are complete,
 * since objects are always written before refs).
 */
import { decodeCommit, decodeTree, type Hash, type ObjectStore, type RawObject } from '@grove/store';

/**
 * An object reachable from `tips` that is neither in `received` nor in
 * `store`, or undefined when none is missing. The walk stays inside
 * `received` (each object visited once); the objects it points to outside
 * are then looked up in the store together. Throws `corrupt-object` (from
 * the store's decoders) on a malformed commit or tree. O(received objects
 * + their references).
 */
export async function firstMissing(tips: readonly Hash[], received: ReadonlyMap<Hash, RawObject>, store: ObjectStore): Promise<Hash | undefined> {
  const seen = new Set<Hash>(tips);
  const stack = [...seen];
  const outside: Hash[] = [];
  const visit = (hash: Hash) => {
    if (seen.has(hash)) return;
    seen.add(hash);
    stack.push(hash);
  };
  while (stack.length > 0) {
    const hash = stack.pop()!;
    const object = received.get(hash);
    if (object === undefined) outside.push(hash);
    else if (object.type === 'commit') {
      const commit = decodeCommit(object.payload, hash);
      visit(commit.tree);
      for (const parent of commit.parents) visit(parent);
    } else if (object.type === 'tree') {
      for (const entry of decodeTree(object.payload, hash)) if (entry.mode !== '160000') visit(entry.hash);
    } else if (object.type === 'tag') {
      const target = /^object ([0-9a-f]{40})$/m.exec(Buffer.from(object.payload).toString('latin1'))?.[1];
      if (target !== undefined) visit(target);
    }
  }
  const stored = await Promise.all(outside.map((hash) => store.has(hash)));
  return outside.find((_, i) => !stored[i]);
}
