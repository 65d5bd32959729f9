/**
 * Connectivity of a received pack: every object reachable from a new ref
 * value is in the pack or already stored (stored objects are complete,
 * since objects are always written before refs).
 */
import { decodeCommit, decodeTree, type Hash, type ObjectStore, type RawObject } from '@grove/store';

/**
 * The first object reachable from `tips` that is neither in `received` nor in
 * `store`, or undefined when none is missing. Throws `corrupt-object` (from
 * the store's decoders) on a malformed commit or tree. O(received objects).
 */
export async function firstMissing(tips: readonly Hash[], received: ReadonlyMap<Hash, RawObject>, store: ObjectStore): Promise<Hash | undefined> {
  const stack = [...tips];
  const seen = new Set<Hash>();
  while (stack.length > 0) {
    const hash = stack.pop()!;
    if (seen.has(hash)) continue;
    seen.add(hash);
    const object = received.get(hash);
    if (object === undefined) {
      if (!(await store.has(hash))) return hash;
      continue;
    }
    if (object.type === 'commit') {
      const commit = decodeCommit(object.payload, hash);
      stack.push(commit.tree, ...commit.parents);
    } else if (object.type === 'tree') {
      for (const entry of decodeTree(object.payload, hash)) if (entry.mode !== '160000') stack.push(entry.hash);
    } else if (object.type === 'tag') {
      const target = /^object ([0-9a-f]{40})$/m.exec(Buffer.from(object.payload).toString('latin1'))?.[1];
      if (target !== undefined) stack.push(target);
    }
  }
  return undefined;
}
