/**
 * What to send: the objects reachable from `wants` that the other side does
 * not have, given the commits it has (`haves`). Commits are walked newest
 * first from both ends at once (Git's painting walk), so the walk stops at
 * the common history instead of visiting all of it; trees and blobs of the
 * boundary commits are excluded, so one new commit sends only new objects.
 * Each tree and blob is paired with its previous version at the same path
 * (in the first parent) as a delta base: sent earlier in the pack, or for
 * trees also one the other side has (a thin pack).
 */
import { decodeCommit, decodeTree, MaxHeap, type Hash, type ObjectStore, type RawObject, type StoredEntry, type TreeEntry } from '@grove/store';
import { SyncError } from '../errors.js';

const SUBMODULE = '160000';
/** Trees remembered as delta bases; older ones are forgotten (their objects are then sent whole). */
const MAX_KNOWN_TREES = 4096;

/** An object to send, and an object it probably resembles: sent before it, or (`thinBase`) one the other side has. */
export interface PackEntry {
  readonly object: RawObject;
  readonly base?: Hash;
  /** The base's payload when the other side has it and it is not in the pack (a thin pack's REF_DELTA base). */
  readonly thinBase?: Uint8Array;
  /** The object's entry in a pack on disk, when it has one (set by `withStoredEntries`): sent as it is when it can be. */
  readonly stored?: StoredEntry;
}

interface Node {
  readonly hash: Hash;
  readonly time: number;
  readonly parents: readonly Hash[];
  readonly tree: Hash;
  readonly object: RawObject;
}

/**
 * The objects to send: commits newest first, then trees and blobs commit by
 * commit, oldest first, so a delta base always comes before its delta.
 * Haves the store lacks are ignored. Throws `missing-objects` when a wanted
 * object is not in the store. O(haves + (new and boundary commits) log(queue)
 * + new tree entries + boundary trees): a have costs one read, whatever their number.
 */
export async function objectsToSend(store: ObjectStore, wants: readonly Hash[], haves: readonly Hash[]): Promise<PackEntry[]> {
  const commits = new Map<Hash, Node>();
  /** The commit `hash` as a node; `read` is its object when the caller has already read it. */
  const load = async (hash: Hash, read?: RawObject): Promise<Node> => {
    let node = commits.get(hash);
    if (node === undefined) {
      const object = read ?? (await need(store, hash));
      if (object.type !== 'commit') throw new SyncError('missing-objects', `${hash} is a ${object.type}, not a commit; want commits only`, { hash });
      const c = decodeCommit(object.payload, hash);
      commits.set(hash, (node = { hash, time: c.committer.timestamp, parents: c.parents, tree: c.tree, object }));
    }
    return node;
  };
  const uninteresting = new Set<Hash>();
  /** Queued commits not (yet) known to be uninteresting: the walk ends when none is left. */
  const pending = new Set<Hash>();
  const exclude = (hash: Hash) => {
    uninteresting.add(hash);
    pending.delete(hash);
  };
  const seen = new Set<Hash>();
  const queue = new NewestFirst();
  const enqueue = (node: Node) => {
    if (seen.has(node.hash)) return;
    seen.add(node.hash);
    if (!uninteresting.has(node.hash)) pending.add(node.hash);
    queue.push(node);
  };
  for (const have of new Set(haves)) {
    const object = await store.read(have);
    if (object?.type !== 'commit') continue;
    exclude(have);
    enqueue(await load(have, object));
  }
  for (const want of wants) enqueue(await load(want));
  const send: Node[] = [];
  const edges = new Set<Hash>();
  while (pending.size > 0) {
    const node = queue.pop()!;
    pending.delete(node.hash);
    const out = uninteresting.has(node.hash);
    if (!out) send.push(node);
    for (const parent of node.parents) {
      if (out) exclude(parent);
      else if (uninteresting.has(parent)) edges.add(parent);
      if (out && !seen.has(parent) && !(await store.has(parent))) continue; // a shallow or partial history
      enqueue(await load(parent));
    }
  }
  const sent = send.filter((n) => !uninteresting.has(n.hash));
  for (const n of send) if (uninteresting.has(n.hash)) edges.add(n.hash);
  const excluded = new Set<Hash>();
  const trees = new Map<Hash, KnownTree>();
  for (const edge of edges) await new TreeWalk(store, excluded, undefined, trees).tree((await load(edge)).tree, undefined);
  const entries: PackEntry[] = sent.map((n) => ({ object: n.object }));
  const walk = new TreeWalk(store, excluded, entries, trees);
  for (const n of [...sent].reverse()) {
    const parent = n.parents[0] === undefined ? undefined : commits.get(n.parents[0]);
    await walk.tree(n.tree, parent?.tree);
  }
  return entries;
}

/**
 * Commits by committer time, newest first; equal times in the order they
 * were pushed (so the walk, and the pack, do not depend on the heap's shape).
 * O(log n) push and pop.
 */
class NewestFirst {
  readonly #heap = new MaxHeap<{ readonly node: Node; readonly order: number }>((x, y) =>
    x.node.time !== y.node.time ? x.node.time > y.node.time : x.order < y.order,
  );
  #pushed = 0;

  push(node: Node): void {
    this.#heap.push({ node, order: this.#pushed++ });
  }

  /** The newest commit, removed; undefined when empty. */
  pop(): Node | undefined {
    return this.#heap.pop()?.node;
  }
}

/** A tree seen by the walk: its entries by name, and its payload when the other side has it (a thin delta base). */
interface KnownTree {
  readonly entries: ReadonlyMap<string, TreeEntry>;
  readonly theirs: Uint8Array | undefined;
}

/** Collects trees and blobs not yet visited, remembering every tree it read (for delta bases). */
class TreeWalk {
  constructor(
    readonly store: ObjectStore,
    readonly visited: Set<Hash>,
    /** Where sent objects go; undefined while walking what the other side has. */
    readonly out: PackEntry[] | undefined,
    readonly trees: Map<Hash, KnownTree>,
  ) {}

  /** Adds tree `hash` and everything below it that is not visited yet; `base` is its previous version. */
  async tree(hash: Hash, base: Hash | undefined): Promise<void> {
    if (this.visited.has(hash)) return;
    this.visited.add(hash);
    const tree = await need(this.store, hash);
    const entries = decodeTree(tree.payload, hash);
    this.trees.set(hash, { entries: new Map(entries.map((e) => [e.name, e])), theirs: this.out === undefined ? tree.payload : undefined });
    if (this.trees.size > MAX_KNOWN_TREES) this.trees.delete(this.trees.keys().next().value!); // the oldest: bases are recent
    const known = base === undefined ? undefined : this.trees.get(base);
    if (known === undefined) this.out?.push({ object: tree });
    else this.out?.push(known.theirs === undefined ? { object: tree, base: base! } : { object: tree, base: base!, thinBase: known.theirs });
    for (const entry of entries) {
      if (entry.mode === SUBMODULE || this.visited.has(entry.hash)) continue;
      const previous = known?.entries.get(entry.name);
      const sameKind = previous !== undefined && previous.mode !== SUBMODULE && (previous.mode === '40000') === (entry.mode === '40000');
      if (entry.mode === '40000') await this.tree(entry.hash, sameKind ? previous.hash : undefined);
      else {
        this.visited.add(entry.hash);
        if (this.out === undefined) continue;
        const object = await need(this.store, entry.hash);
        this.out.push(sameKind ? { object, base: previous.hash } : { object });
      }
    }
  }
}

async function need(store: ObjectStore, hash: Hash): Promise<RawObject> {
  const object = await store.read(hash);
  if (object === undefined) throw new SyncError('missing-objects', `object ${hash} is missing from this repository; fetch it from a replica that has it`, { hash });
  return object;
}
