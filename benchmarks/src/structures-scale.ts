/**
 * `pnpm --filter @grove/benchmarks scale`: sets and maps at scale, each
 * workload in a fresh process so its peak memory (max RSS) is its own.
 *  - a set and a map of `--n` entries (default 1,000,000), and of `--small`
 *    (default 10,000): built in memory, committed, changed on two branches
 *    (1,000 changes each, read lazily), merged cold (a fresh `Repo` on the
 *    same objects: nothing cached; the JIT warmed up by a first merge),
 *    checked against the in-memory merge; the cold merge times give the
 *    large/small cost ratio;
 *  - the peer workload of structure-peers (`--peers-n` sets and increments
 *    per replica, merged) for Grove and each of `--peers`.
 * Flags: --n N, --small N, --peers-n N, --peers yjs,loro,automerge (or none), --json FILE.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as GMap from '@grove/map';
import * as GSet from '@grove/set';
import { Repo, type Structure } from '@grove/store';
import { fakeClock } from './workloads/open-repo.js';
import { checkOutcome, runStructurePeer, type StructurePeer } from './workloads/structure-peers.js';
import { buildMap, buildSet, MapType, SetType } from './workloads/structure-versions.js';

const CHANGES = 1000;
const flag = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? fallback : process.argv[i + 1]!;
};
const mb = (bytes: number) => Math.round(bytes / 1e6);

type Phase = <T>(name: string, f: () => Promise<T> | T) => Promise<T>;

/**
 * Merges the heads of `main` and `other` in a second `Repo` on the same
 * objects (nothing read yet, nothing cached), after a first such merge that
 * warms the JIT up only: common ancestor, tree merge, the structure's merge
 * and the hash of the merged tree, as `structure-merge` times it.
 */
async function coldMerge<T>(repo: Repo, phase: Phase, path: string[], type: Structure<T>): Promise<T> {
  const heads = [(await repo.branch('main').head())!, (await repo.branch('other').head())!] as const;
  const cold = () => new Repo(repo.backend, { ...fakeClock(), types: [type] });
  void (await cold().mergeCommits(...heads)).tree.hash;
  const fresh = cold();
  const m = await phase('merge', async () => {
    const merged = await fresh.mergeCommits(...heads);
    void merged.tree.hash;
    return merged;
  });
  if (m.conflicts.length > 0) throw new Error(`${type.tag}: conflicts`);
  return (await type.load((await m.tree.get(path))!, fresh.nodes));
}

/** One structure at scale; returns phase times in ms and peak RSS in MB. */
async function scale(kind: 'set' | 'map', n: number): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  const phase: Phase = async (name, f) => {
    const t0 = performance.now();
    const r = await f();
    times[`${name} ms`] = Math.round(performance.now() - t0);
    return r;
  };
  const repo = Repo.memory(fakeClock());
  const main = repo.branch('main');
  const changed = (i: number) => `e${(i * 7919) % n}`;
  if (kind === 'set') {
    const set = await phase('build', () => buildSet(n));
    await phase('commit', () => main.set(['s'], set, { type: SetType }));
    const other = await main.fork('other');
    const edit = async (branch: typeof main, tag: string, offset: number) => {
      const keys = Array.from({ length: CHANGES / 2 }, (_, i) => changed(i + offset));
      const lazy = await GSet.load((await branch.get(['s'], SetType))!, [...keys, ...keys.map((k) => tag + k)]);
      const next = keys.reduce((s, k) => GSet.add(GSet.delete(s, k), tag + k), lazy);
      await branch.set(['s'], next, { type: SetType });
      return next;
    };
    const [ours, theirs] = await phase('change 2 × 1,000 and commit', async () => [await edit(main, 'o', 0), await edit(other, 't', CHANGES / 4)] as const);
    const got = await coldMerge(repo, phase, ['s'], SetType);
    const want = GSet.merge({ base: set, ours, theirs });
    if (!want.ok || got.tree.hash !== want.value.tree.hash || GSet.size(got) !== GSet.size(want.value)) throw new Error('the stored set merge differs from the in-memory merge');
  } else {
    const map = await phase('build', () => buildMap(n));
    await phase('commit', () => main.set(['m'], map, { type: MapType }));
    const other = await main.fork('other');
    const edit = async (branch: typeof main, by: bigint, offset: number) => {
      const keys = Array.from({ length: CHANGES }, (_, i) => changed(i + offset));
      const lazy = await GMap.load((await branch.get(['m'], MapType))!, keys);
      const next = keys.reduce((m, k) => GMap.set(m, k, GMap.get(m, k)! + by), lazy);
      await branch.set(['m'], next, { type: MapType });
      return next;
    };
    const [ours, theirs] = await phase('change 2 × 1,000 and commit', async () => [await edit(main, 1n, 0), await edit(other, 10n, CHANGES / 2)] as const);
    const got = await coldMerge(repo, phase, ['m'], MapType);
    const want = GMap.merge({ base: map, ours, theirs });
    if (!want.ok || got.tree.hash !== want.value.tree.hash || GMap.size(got) !== n) throw new Error('the stored map merge differs from the in-memory merge');
  }
  return { ...times, 'peak RSS MB': mb(process.resourceUsage().maxRSS * 1024) };
}

async function peer(name: StructurePeer, n: number): Promise<Record<string, number>> {
  const t0 = performance.now();
  const outcome = await runStructurePeer(name, n);
  const ms = Math.round(performance.now() - t0);
  checkOutcome(name, n, outcome);
  return { 'run ms': ms, 'peak RSS MB': mb(process.resourceUsage().maxRSS * 1024) };
}

const child = flag('--child', '');
if (child !== '') {
  const [what, size] = child.split(':') as [string, string];
  const result = what === 'set' || what === 'map' ? await scale(what, Number(size)) : await peer(what as StructurePeer, Number(size));
  console.log(JSON.stringify(result));
} else {
  const n = Number(flag('--n', '1000000'));
  const small = Number(flag('--small', '10000'));
  const peersN = Number(flag('--peers-n', '100000'));
  const peers = flag('--peers', 'yjs,loro,automerge').split(',').filter((p) => p !== '' && p !== 'none') as StructurePeer[];
  const self = fileURLToPath(import.meta.url);
  const run = (job: string) => {
    const out = execFileSync(process.execPath, [...process.execArgv, self, '--child', job], { encoding: 'utf8', maxBuffer: 1 << 20 });
    return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, number>;
  };
  const results: Record<string, Record<string, number>> = {};
  for (const job of [`set:${small}`, `set:${n}`, `map:${small}`, `map:${n}`, ...['grove', 'grove-store', ...peers].map((p) => `${p}:${peersN}`)]) {
    results[job] = run(job);
    console.log(`${job.padEnd(20)} ${Object.entries(results[job]!).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  }
  for (const kind of ['set', 'map']) {
    const ratio = results[`${kind}:${n}`]!['merge ms']! / results[`${kind}:${small}`]!['merge ms']!;
    console.log(`${kind}: cold merge cost, ${n} vs ${small} entries: ${ratio.toFixed(2)}x`);
  }
  for (const p of peers) {
    const ratio = results[`${p}:${peersN}`]!['run ms']! / results[`grove:${peersN}`]!['run ms']!;
    console.log(`grove in memory vs ${p}: ${ratio.toFixed(2)}x faster; through a repository: ${(results[`${p}:${peersN}`]!['run ms']! / results[`grove-store:${peersN}`]!['run ms']!).toFixed(2)}x`);
  }
  const json = flag('--json', fileURLToPath(new URL('../../reports/structures-scale.json', import.meta.url)));
  writeFileSync(json, `${JSON.stringify({ date: new Date().toISOString(), n, small, peersN, results }, null, 2)}\n`);
  console.log(`results in ${json}`);
}
