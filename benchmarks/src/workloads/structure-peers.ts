/**
 * Two replicas each making `n` map sets (disjoint keys, text values) and
 * `n` counter increments, then merged both ways, in Grove and in the CRDT
 * peers doing the same work: Yjs (`Y.Map`; it has no counter type, so each
 * replica rewrites its own key and the count is their sum, as Yjs users
 * count), Automerge (`Counter`) and Loro (`LoroCounter`). The peers
 * exchange update messages, as their users sync; Grove merges in memory,
 * or through a repository (one commit per replica, then a branch merge).
 * Each returns what both replicas hold, for the check.
 */
import * as Automerge from '@automerge/automerge';
import * as Counter from '@grove/counter';
import * as GMap from '@grove/map';
import { codecs, defaultMerge } from '@grove/merge';
import { Repo } from '@grove/store';
import { LoroDoc } from 'loro-crdt';
import * as Y from 'yjs';
import { fakeClock } from './open-repo.js';

export type StructurePeer = 'grove' | 'grove-store' | 'yjs' | 'automerge' | 'loro';

/** Both replicas after the merge: map sizes and counter values. */
export interface Outcome {
  readonly sizes: readonly [number, number];
  readonly counters: readonly [number, number];
}

const text = defaultMerge(codecs.string);

function groveReplica(prefix: string, n: number) {
  let map = GMap.empty(text);
  let count = Counter.empty();
  for (let i = 0; i < n; i++) map = GMap.set(map, `${prefix}${i}`, `v${i}`);
  for (let i = 0; i < n; i++) count = Counter.increment(count);
  return { map, count };
}

function grove(n: number): Outcome {
  const base = { map: GMap.empty(text), count: Counter.empty() };
  const [a, b] = [groveReplica('a', n), groveReplica('b', n)];
  const both = [[a, b], [b, a]].map(([ours, theirs]) => {
    const map = GMap.merge({ base: base.map, ours: ours!.map, theirs: theirs!.map });
    const count = Counter.merge({ base: base.count, ours: ours!.count, theirs: theirs!.count });
    if (!map.ok || !count.ok) throw new Error('grove: conflicts');
    return [GMap.size(map.value), Number(count.value)] as const;
  });
  return { sizes: [both[0]![0], both[1]![0]], counters: [both[0]![1], both[1]![1]] };
}

const MapType = GMap.structure(text);

async function groveStore(n: number): Promise<Outcome> {
  const repo = Repo.memory(fakeClock());
  const main = repo.branch('a');
  await main.update(async (tx) => {
    await tx.set(['m'], GMap.empty(text), MapType);
    await tx.set(['n'], Counter.empty(), Counter.mergeable);
  });
  const other = await main.fork('b');
  for (const [branch, prefix] of [[main, 'a'], [other, 'b']] as const) {
    const r = groveReplica(prefix, n);
    await branch.update(async (tx) => {
      await tx.set(['m'], r.map, MapType);
      await tx.set(['n'], r.count, Counter.mergeable);
    });
  }
  const head = await main.head();
  if ((await main.merge(other)).kind !== 'merged' || (await other.merge(head!)).kind !== 'merged') throw new Error('grove-store: no merge');
  const read = async (b: typeof main) => [GMap.size((await b.get(['m'], MapType))!), Number(await b.get(['n'], Counter.mergeable))] as const;
  const [x, y] = [await read(main), await read(other)];
  return { sizes: [x[0], y[0]], counters: [x[1], y[1]] };
}

function yjs(n: number): Outcome {
  const docs = ['a', 'b'].map((prefix) => {
    const doc = new Y.Doc();
    doc.transact(() => {
      const map = doc.getMap<string>('m');
      for (let i = 0; i < n; i++) map.set(`${prefix}${i}`, `v${i}`);
      const counter = doc.getMap<number>('c');
      for (let i = 0; i < n; i++) counter.set(prefix, (counter.get(prefix) ?? 0) + 1);
    });
    return doc;
  });
  const [a, b] = docs as [Y.Doc, Y.Doc];
  const [ua, ub] = [Y.encodeStateAsUpdate(a), Y.encodeStateAsUpdate(b)];
  Y.applyUpdate(a, ub);
  Y.applyUpdate(b, ua);
  const count = (doc: Y.Doc) => [...doc.getMap<number>('c').values()].reduce((x, y) => x + y, 0);
  return { sizes: [a.getMap('m').size, b.getMap('m').size], counters: [count(a), count(b)] };
}

function automerge(n: number): Outcome {
  const start = Automerge.from<{ m: Record<string, string>; c: Automerge.Counter }>({ m: {}, c: new Automerge.Counter(0) });
  const [a, b] = ['a', 'b'].map((prefix) =>
    Automerge.change(Automerge.clone(start), (d) => {
      for (let i = 0; i < n; i++) d.m[`${prefix}${i}`] = `v${i}`;
      for (let i = 0; i < n; i++) d.c.increment(1);
    }),
  ) as [typeof start, typeof start];
  const a2 = Automerge.loadIncremental(Automerge.clone(a), Automerge.saveSince(b, Automerge.getHeads(start)));
  const b2 = Automerge.loadIncremental(Automerge.clone(b), Automerge.saveSince(a, Automerge.getHeads(start)));
  return { sizes: [Object.keys(a2.m).length, Object.keys(b2.m).length], counters: [a2.c.value, b2.c.value] };
}

function loro(n: number): Outcome {
  const docs = ['a', 'b'].map((prefix) => {
    const doc = new LoroDoc();
    const map = doc.getMap('m');
    for (let i = 0; i < n; i++) map.set(`${prefix}${i}`, `v${i}`);
    const counter = doc.getCounter('c');
    for (let i = 0; i < n; i++) counter.increment(1);
    doc.commit();
    return doc;
  });
  const [a, b] = docs as [LoroDoc, LoroDoc];
  const [ua, ub] = [a.export({ mode: 'update' }), b.export({ mode: 'update' })];
  a.import(ub);
  b.import(ua);
  return { sizes: [a.getMap('m').size, b.getMap('m').size], counters: [a.getCounter('c').value, b.getCounter('c').value] };
}

/** Runs `peer`'s workload of `n` sets and increments per replica. */
export async function runStructurePeer(peer: StructurePeer, n: number): Promise<Outcome> {
  switch (peer) {
    case 'grove':
      return grove(n);
    case 'grove-store':
      return groveStore(n);
    case 'yjs':
      return yjs(n);
    case 'automerge':
      return automerge(n);
    case 'loro':
      return loro(n);
  }
}

/** Throws unless both replicas hold 2n keys and the counter 2n. */
export function checkOutcome(peer: StructurePeer, n: number, o: Outcome): void {
  if (o.sizes.some((s) => s !== 2 * n) || o.counters.some((c) => c !== 2 * n)) throw new Error(`${peer}: expected ${2 * n} keys and a counter at ${2 * n}, got ${JSON.stringify(o)}`);
}
