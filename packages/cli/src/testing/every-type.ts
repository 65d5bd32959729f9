/**
 * Test support, not shipped: a value of every built-in type and composites
 * of them, edits on two branches that merge without conflict, and a plain
 * rendering of any stored value to compare processes with an oracle.
 */
import * as Counter from '@grove/counter';
import * as GMap from '@grove/map';
import { codecs, counter, defaultMerge, lww, multiset, option, record } from '@grove/merge';
import { queue } from '@grove/queue';
import * as Rope from '@grove/rope';
import * as GSet from '@grove/set';
import { bytes, json, text, type Branch, type Repo, type Transaction } from '@grove/store';

const Point = record({ x: counter, label: defaultMerge(codecs.string) });
const fixedClock = () => Date.UTC(2026, 11, 4);

/** A user-defined type, known only where it is registered: a score kept as text, Git's merge rule. */
export const score = defaultMerge(codecs.string, { tag: 'app/score@1' });

/** Paths to the types stored there. */
export const TYPES = {
  views: counter,
  top: Counter.maxRegister,
  low: Counter.minRegister,
  title: text,
  config: json,
  blob: bytes,
  tags: GSet.structure(codecs.string, { leafCapacity: 4 }),
  votes: GMap.structure(counter),
  pages: GMap.structure(GSet.mergeable(Point)),
  nested: GMap.structure(GMap.mergeable(counter)),
  jobs: queue(codecs.json, { replica: 'writer', clock: fixedClock }).stored,
  doc: Rope.structure,
  maybe: option(lww(codecs.string)),
  bag: multiset(codecs.string),
  point: record({ x: counter, y: Counter.maxRegister }),
};

type Name = keyof typeof TYPES;
/** The value type stored at `name`. */
type ValueAt<N extends Name> = (typeof TYPES)[N] extends { load(...a: any[]): Promise<infer T> } ? T : (typeof TYPES)[N] extends { decode(b: Uint8Array): infer T } ? T : never;

async function edit<N extends Name>(tx: Transaction, name: N, f: (v: ValueAt<N>) => ValueAt<N> | Promise<ValueAt<N>>): Promise<void> {
  const type = TYPES[name] as any;
  await tx.set([name], await f((await tx.get([name], type)) as ValueAt<N>), type);
}

/** The first commit: every path holds a value. */
export async function writeBase(branch: Branch): Promise<void> {
  await branch.update(async (tx) => {
    const set = async <N extends Name>(name: N, value: ValueAt<N>) => tx.set([name], value, TYPES[name] as any);
    await set('views', 10n);
    await set('top', 5n);
    await set('low', 5n);
    await set('title', 'Grove');
    await set('config', { theme: 'dark' });
    await set('blob', new Uint8Array([0, 255, 7]));
    await set('tags', GSet.of(codecs.string, ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], { leafCapacity: 4 }));
    await set('votes', GMap.of(counter, [['ada', 1n], ['bob', 2n]]));
    await set('pages', GMap.of(GSet.mergeable(Point), [['home', GSet.of(Point, [{ x: 1n, label: 'intro' }])]]));
    await set('nested', GMap.of(GMap.mergeable(counter), [['a', GMap.of(counter, [['x', 1n]])]]));
    const jobs = queue(codecs.json, { replica: 'writer', clock: fixedClock });
    await set('jobs', jobs.push(jobs.push(jobs.empty(), { job: 'build' }), { job: 'test' }));
    await set('doc', Rope.Rope.from('Hello world'));
    await set('maybe', { value: 'first', time: 1, replica: 'w' });
    await set('bag', new Map([['x', 1]]));
    await set('point', { x: 0n, y: 1n });
  }, { message: 'every type' });
}

/** Concurrent edits of every path; `side` is 'main' or 'draft'. Merges without conflict. */
export async function writeEdits(branch: Branch, side: 'main' | 'draft'): Promise<void> {
  const ours = side === 'main';
  const worker = queue(codecs.json, { replica: side, clock: fixedClock });
  await branch.update(async (tx) => {
    await edit(tx, 'views', (v) => v + (ours ? 3n : 4n));
    await edit(tx, 'top', () => (ours ? 7n : 9n));
    await edit(tx, 'low', () => (ours ? 4n : 2n));
    if (ours) await edit(tx, 'title', () => 'Grove!');
    else await edit(tx, 'config', () => ({ theme: 'light' }));
    await edit(tx, 'tags', async (s) => GSet.delete(GSet.add(await GSet.load(s), ours ? 'main' : 'draft'), ours ? 'a' : 'j'));
    await edit(tx, 'votes', async (m) => GMap.set(await GMap.load(m), ours ? 'ada' : 'cy', ours ? 3n : 1n));
    await edit(tx, 'pages', async (m) => {
      const pages = await GMap.load(m);
      const home = GMap.get(pages, 'home')!;
      return GMap.set(pages, ours ? 'home' : 'about', ours ? GSet.add(home, { x: 2n, label: 'news' }) : GSet.of(Point, [{ x: 0n, label: 'team' }]));
    });
    await edit(tx, 'nested', async (m) => {
      const nested = await GMap.load(m);
      return GMap.set(nested, 'a', GMap.set(GMap.get(nested, 'a')!, 'x', ours ? 5n : 3n));
    });
    await edit(tx, 'jobs', (q) => {
      const popped = worker.pop(q);
      return worker.push(popped.ok ? popped.queue : q, { job: side });
    });
    await edit(tx, 'doc', (d) => (ours ? d.insert(5, ',') : d.insert(11, '!')));
    await edit(tx, 'maybe', (m) => (ours ? m : { value: 'second', time: 2, replica: 'd' }));
    await edit(tx, 'bag', () => new Map([['x', ours ? 2 : 3]]));
    await edit(tx, 'point', (p) => (ours ? { ...p, x: p.x + 1n } : { ...p, y: 8n }));
  }, { message: `${side} edits` });
}

/** A stored value as plain JSON-able data, whatever its type (sharded maps and sets loaded in full). */
export async function plain(value: unknown): Promise<unknown> {
  if (typeof value === 'bigint') return `${value}n`;
  if (value instanceof Uint8Array) return { bytes: Buffer.from(value).toString('hex') };
  if (value instanceof Rope.Rope) return { text: value.toString() };
  if (value instanceof Map) return Object.fromEntries(await Promise.all([...value].map(async ([k, v]) => [String(await plain(k)), await plain(v)])));
  if (value instanceof Set) return (await Promise.all([...value].map(plain))).map((v) => JSON.stringify(v)).sort();
  if (typeof value === 'object' && value !== null && 'tree' in value && 'type' in value) {
    return plain(new Map(GMap.entries(await GMap.load(value as GMap.GroveMap<unknown>))));
  }
  if (typeof value === 'object' && value !== null && 'tree' in value) return plain(new Set(GSet.values(await GSet.load(value as GSet.GroveSet<unknown>))));
  if (typeof value === 'object' && value !== null && Symbol.iterator in value) return Promise.all([...(value as Iterable<unknown>)].map(plain));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(await Promise.all(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(async ([k, v]) => [k, await plain(v)])));
  }
  return value;
}

/** Every path of `branch`, read with no type given, as plain data. */
export async function readAll(repo: Repo, branch = 'main'): Promise<Record<string, unknown>> {
  const b = repo.branch(branch);
  const out: Record<string, unknown> = {};
  for (const { name } of await b.list()) out[name] = await plain(await b.get([name]));
  return out;
}
