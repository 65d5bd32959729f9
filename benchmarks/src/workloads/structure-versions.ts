/**
 * Three versions of a large set or map in a repository: a base of `n`
 * entries, and two sides that each change `changes` entries of it (half
 * of the map's changed keys on both sides, so their counters merge), each
 * committed on the base. Also the expected merge, computed in memory.
 */
import { codecs, counter } from '@grove/merge';
import * as GMap from '@grove/map';
import * as GSet from '@grove/set';
import type { Commit, Repo, Structure } from '@grove/store';
import { random } from '../harness/random.js';

export type StructureKind = 'set' | 'map';

export interface StructureVersions {
  readonly n: number;
  readonly base: Commit;
  readonly ours: Commit;
  readonly theirs: Commit;
  /** The content hash the merged structure must have. */
  readonly mergedHash: string;
}

export const SetType = GSet.structure(codecs.string);
export const MapType = GMap.structure(counter);
const PATH = ['data'];

/** The entries of the base: `e0`..`e{n-1}` (a map's value is the index). */
export function buildSet(n: number): GSet.GroveSet<string> {
  return GSet.of(codecs.string, Array.from({ length: n }, (_, i) => `e${i}`));
}

export function buildMap(n: number): GMap.GroveMap<bigint> {
  return GMap.of(counter, Array.from({ length: n }, (_, i) => [`e${i}`, BigInt(i)] as const));
}

/** Commits `value` on `parents` at `PATH` (registering its type, so merges find it). */
async function commitAt<T>(repo: Repo, type: Structure<T>, value: T, parents: readonly string[]): Promise<Commit> {
  repo.types.register(type);
  const tree = await repo.nodes.emptyTree().set(PATH, await type.save(value, repo.nodes));
  return repo.writeCommit(tree, parents, { message: 'structure' });
}

/** Base and two changed versions of a `kind` of `n` entries, `changes` changes per side. */
export async function structureVersions(repo: Repo, kind: StructureKind, n: number, changes: number, seed: number): Promise<StructureVersions> {
  const rnd = random(seed);
  const drawn = rnd.distinct(changes + changes / 2, n);
  const sides = [drawn.slice(0, changes), drawn.slice(changes / 2)];
  if (kind === 'set') {
    const base = buildSet(n);
    const edit = (picked: number[], tag: string) =>
      picked.reduce((s, i, j) => (j % 2 === 0 ? GSet.delete(s, `e${i}`) : GSet.add(s, `${tag}${i}`)), base);
    const [ours, theirs] = [edit(sides[0]!, 'o'), edit(sides[1]!, 't')];
    const merged = GSet.merge({ base, ours, theirs });
    if (!merged.ok) throw new Error('a set merge never conflicts');
    const b = await commitAt(repo, SetType, base, []);
    return { n, base: b, ours: await commitAt(repo, SetType, ours, [b.hash]), theirs: await commitAt(repo, SetType, theirs, [b.hash]), mergedHash: merged.value.tree.hash };
  }
  const base = buildMap(n);
  const edit = (picked: number[], by: bigint) =>
    picked.reduce((m, i, j) => (j % 4 === 3 ? GMap.delete(m, `e${i}`) : j % 4 === 2 ? GMap.set(m, `new${i}`, by) : GMap.set(m, `e${i}`, BigInt(i) + by)), base);
  const [ours, theirs] = [edit(sides[0]!, 1n), edit(sides[1]!, 10n)];
  const merged = GMap.merge({ base, ours, theirs });
  if (!merged.ok) throw new Error('a map of counters never conflicts');
  const b = await commitAt(repo, MapType, base, []);
  return { n, base: b, ours: await commitAt(repo, MapType, ours, [b.hash]), theirs: await commitAt(repo, MapType, theirs, [b.hash]), mergedHash: merged.value.tree.hash };
}

/** The content hash of the structure at `PATH` in a merged tree. */
export async function mergedContentHash(repo: Repo, kind: StructureKind, tree: Awaited<ReturnType<Repo['commitTree']>>): Promise<string> {
  const child = await tree.get(PATH);
  if (child === undefined) throw new Error('the merged tree lost the structure');
  return kind === 'set' ? (await SetType.load(child, repo.nodes)).tree.hash : (await MapType.load(child, repo.nodes)).tree.hash;
}
