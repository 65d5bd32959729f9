/** Maps by example: any key round-trips, conflicts carry the key, diff and merge skip equal shards, Git's checks. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codecs, counter, defaultMerge } from '@grove/merge';
import { Repo, type Backend } from '@grove/store';
import { describe, expect, it } from 'vitest';
import * as GMap from './index.js';

const Votes = GMap.structure(counter);
const KEYS = ['', '.', '..', '/', 'a/b', '.git', '.GIT', 'git~1', '.gitmodules', 'nul\0byte', 'é', '👋🏽', 'x'.repeat(1000), ' ', 'con', '-'];
const many = (n: number) => Array.from({ length: n }, (_, i) => [`key${i}`, BigInt(i)] as const);

function countingRepo() {
  const inner = Repo.memory().backend;
  const counts = { reads: 0 };
  const backend: Backend = { refs: inner.refs, objects: { ...inner.objects, read: (h) => (counts.reads++, inner.objects.read(h)), has: (h) => inner.objects.has(h), writeMany: (o) => inner.objects.writeMany(o) } };
  return { repo: new Repo(backend), counts };
}

describe('@grove/map', () => {
  it('round-trips any Unicode key, in memory and through the store', async () => {
    const m = GMap.of(counter, KEYS.map((k, i) => [k, BigInt(i)] as const));
    expect(GMap.keys(GMap.decode(counter, GMap.encode(m))).sort()).toEqual([...KEYS].sort());
    const repo = Repo.memory();
    const main = repo.branch('main');
    const big = GMap.of(counter, [...many(100), ...KEYS.map((k, i) => [k, BigInt(i)] as const)]);
    await main.set(['m'], big, { type: Votes });
    const back = await GMap.load((await main.get(['m'], Votes))!);
    for (const [i, k] of KEYS.entries()) expect(GMap.get(back, k)).toBe(BigInt(i));
    expect(() => GMap.set(m, '\udc00', 1n)).toThrow(expect.objectContaining({ code: 'encode-error' }));
  });

  it('iterates in UTF-8 key order', () => {
    const m = GMap.of(counter, [['\uffff', 1n], ['😀', 2n], ['a', 3n]]);
    expect(GMap.keys(m)).toEqual(['a', '\uffff', '😀']);
  });

  it('merges per key: additions kept, removals win, changes merged by the value, conflicts at the key path', () => {
    const text = defaultMerge(codecs.string);
    const base = GMap.of(text, [['keep', 'k'], ['gone', 'g'], ['clash', 'c']]);
    const ours = GMap.set(GMap.delete(base, 'gone'), 'clash', 'ours');
    const theirs = GMap.set(GMap.set(GMap.set(base, 'gone', 'changed'), 'new', 'n'), 'clash', 'theirs');
    const r = GMap.merge({ base, ours, theirs, path: ['docs'] });
    expect(r.ok ? [] : r.conflicts.map((c) => [c.kind, c.path])).toEqual([['both-modified', ['docs', 'clash']]]);
    const fine = GMap.merge({ base, ours: GMap.delete(base, 'gone'), theirs });
    expect(fine.ok && GMap.entries(fine.value)).toEqual([['clash', 'theirs'], ['keep', 'k'], ['new', 'n']]);
  });

  it('counts a key incremented identically on both sides twice', () => {
    const base = GMap.of(counter, many(1000));
    const bump = GMap.set(base, 'key7', 8n);
    const r = GMap.merge({ base, ours: bump, theirs: bump });
    expect(r.ok && GMap.get(r.value, 'key7')).toBe(9n);
  });

  it('diffs and merges stored versions of a big map reading only the shards that differ', async () => {
    const { repo, counts } = countingRepo();
    const main = repo.branch('main');
    const m = GMap.of(counter, many(50_000));
    await main.set(['m'], m, { type: Votes });
    const other = await main.fork('other');
    await main.set(['m'], GMap.set(m, 'key1', 11n), { type: Votes });
    await other.set(['m'], GMap.set(GMap.delete(m, 'key2'), 'key1', 101n), { type: Votes });
    const [a, b] = [(await main.get(['m'], Votes))!, (await other.get(['m'], Votes))!];
    counts.reads = 0;
    expect(await GMap.diff(a, b)).toEqual([
      { key: 'key1', kind: 'updated', old: 11n, new: 101n },
      { key: 'key2', kind: 'removed', old: 2n },
    ]);
    expect(counts.reads).toBeLessThan(30);
    counts.reads = 0;
    expect((await main.merge(other)).kind).toBe('merged');
    expect(counts.reads).toBeLessThan(60);
    const merged = await GMap.load((await main.get(['m'], Votes))!, ['key1', 'key2']);
    expect([GMap.get(merged, 'key1'), GMap.has(merged, 'key2'), GMap.size(merged)]).toEqual([111n, false, 49_999]);
  });

  it('keeps git fsck --strict clean on disk, whatever the keys', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grove-map-'));
    try {
      const repo = await Repo.open(dir);
      const main = repo.branch('main');
      await main.set(['m'], GMap.of(counter, [...many(3000), ...KEYS.map((k) => [k, 1n] as const)]), { type: Votes });
      const other = await main.fork('other');
      await main.set(['m'], GMap.set(await GMap.load((await main.get(['m'], Votes))!, ['..']), '..', 5n), { type: Votes });
      await other.set(['m'], GMap.delete(await GMap.load((await other.get(['m'], Votes))!, ['']), ''), { type: Votes });
      expect((await main.merge(other)).kind).toBe('merged');
      execFileSync('git', ['-C', dir, 'fsck', '--strict', '--no-dangling'], { stdio: 'pipe' });
      const back = await GMap.load((await main.get(['m'], Votes))!);
      expect([GMap.get(back, '..'), GMap.has(back, ''), GMap.size(back)]).toEqual([5n, false, 3000 + KEYS.length - 1]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
