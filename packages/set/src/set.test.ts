/** Sets in the store by example: layout, objects per change, lazy reads, merges that skip equal shards, Git's checks. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codecs } from '@grove/merge';
import { Repo, type Backend } from '@grove/store';
import { describe, expect, it } from 'vitest';
import * as GSet from './index.js';

const Tags = GSet.structure(codecs.string);
const range = (n: number, prefix = 'e') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

/** A memory repository that counts the objects its backend reads and the new objects it stores. */
function countingRepo() {
  const inner = Repo.memory().backend;
  const counts = { reads: 0, writes: 0 };
  const backend: Backend = {
    refs: inner.refs,
    objects: {
      read: (h) => (counts.reads++, inner.objects.read(h)),
      has: (h) => inner.objects.has(h),
      async writeMany(objects) {
        for (const o of objects) if (!(await inner.objects.has(o.hash))) counts.writes++;
        return inner.objects.writeMany(objects);
      },
    },
  };
  let now = 0;
  return { repo: new Repo(backend, { clock: () => (now += 1000) }), counts };
}

describe('@grove/set in memory', () => {
  it('adds, deletes, tests membership and iterates deterministically', () => {
    let s = GSet.of(codecs.string, ['git', 'crdt']);
    s = GSet.add(GSet.delete(s, 'crdt'), 'merge');
    expect([GSet.has(s, 'git'), GSet.has(s, 'crdt'), GSet.size(s)]).toEqual([true, false, 2]);
    expect([...GSet.values(s)]).toEqual([...GSet.values(GSet.of(codecs.string, ['merge', 'git']))]);
    expect(GSet.add(s, 'git')).toBe(s);
    expect(() => GSet.add(s, '\ud800')).toThrow(expect.objectContaining({ code: 'encode-error' }));
  });

  it('holds records and numbers through their codec', () => {
    const s = GSet.of(codecs.json, [{ id: 1 }, { id: 1 }, 2, [3]]);
    expect(GSet.size(s)).toBe(3);
    expect(GSet.has(s, { id: 1 })).toBe(true);
    expect(GSet.equals(GSet.decode(codecs.json, GSet.encode(s)), s)).toBe(true);
  });

  it('ties an add against a remove of the same element in favour of the removal', () => {
    const base = GSet.of(codecs.string, ['x', 'y']);
    const ours = GSet.delete(base, 'x');
    const theirs = GSet.add(GSet.delete(base, 'x'), 'x');
    const merged = GSet.merge({ base, ours, theirs });
    expect(merged.ok && [...GSet.values(merged.value)]).toEqual(['y']);
    const unrelated = GSet.merge({ base: undefined, ours: GSet.of(codecs.string, ['a']), theirs: GSet.of(codecs.string, ['b']) });
    expect(unrelated.ok && [...GSet.values(unrelated.value)].sort()).toEqual(['a', 'b']);
  });
});

describe('@grove/set in the store', () => {
  it('stores a small set as one typed blob and a large one as shards', async () => {
    const repo = Repo.memory();
    const main = repo.branch('main');
    await main.set(['small'], GSet.of(codecs.string, ['b', 'a']), { type: Tags });
    await main.set(['large'], GSet.of(codecs.string, range(1000)), { type: Tags });
    expect((await main.read(['small']))?.tag).toBe('grove/sharded-set@1(string)');
    const small = await (await main.tree()).get(['small']);
    expect(small?.kind === 'blob' && Buffer.from(await repo.nodes.readBlob(small.hash)).toString()).toBe('#!grove grove/sharded-set@1(string)\n1:a,1:b,');
    const shards = (await main.list(['large'])).map((e) => e.name);
    expect(shards[0]).toBe('.grove');
    expect(shards.slice(1).every((n) => /^[0-9a-f]-\d+$/.test(n))).toBe(true);
    expect(shards.slice(1).reduce((n, name) => n + Number(name.split('-')[1]), 0)).toBe(1000);
  });

  it('stores O(log n) new objects per added element', async () => {
    const { repo, counts } = countingRepo();
    const main = repo.branch('main');
    let s = GSet.of(codecs.string, range(20_000));
    await main.set(['s'], s, { type: Tags });
    for (let i = 0; i < 5; i++) {
      counts.writes = 0;
      s = GSet.add(s, `new${i}`);
      await main.set(['s'], s, { type: Tags });
      // a leaf, its inner nodes (depth 3 at 20k), the marked root, the repository root and the commit
      expect(counts.writes).toBeLessThanOrEqual(8);
    }
  });

  it('reads lazily: size at once, elements after load', async () => {
    const repo = Repo.memory();
    const main = repo.branch('main');
    await main.set(['s'], GSet.of(codecs.string, range(5000)), { type: Tags });
    const lazy = (await main.get(['s'], Tags))!;
    expect(GSet.size(lazy)).toBe(5000);
    expect(() => GSet.has(lazy, 'e1')).toThrow(expect.objectContaining({ code: 'not-loaded' }));
    expect(GSet.has(await GSet.load(lazy, ['e1']), 'e1')).toBe(true);
    expect([...GSet.values(await GSet.load(lazy))].length).toBe(5000);
  });

  it('gives equal sets equal ids whatever their history', async () => {
    const repo = Repo.memory();
    const a = repo.branch('a');
    const b = repo.branch('b');
    let x = GSet.of(codecs.string, range(3000));
    for (const e of range(500, 'z')) x = GSet.add(x, e);
    for (const e of range(800)) x = GSet.delete(x, e);
    await a.set(['s'], x, { type: Tags });
    await b.set(['s'], GSet.of(codecs.string, [...range(3000).slice(800), ...range(500, 'z')].reverse()), { type: Tags });
    expect((await a.tree()).hash).toBe((await b.tree()).hash);
  });

  it('merges two versions of a big set by opening only the shards that differ', async () => {
    const { repo, counts } = countingRepo();
    const main = repo.branch('main');
    const s = GSet.of(codecs.string, range(50_000));
    await main.set(['s'], s, { type: Tags });
    const other = await main.fork('other');
    await main.set(['s'], GSet.add(s, 'ours'), { type: Tags });
    await other.set(['s'], GSet.delete(s, 'e7'), { type: Tags });
    counts.reads = 0;
    expect((await main.merge(other)).kind).toBe('merged');
    expect(counts.reads).toBeLessThan(60);
    const merged = await GSet.load((await main.get(['s'], Tags))!, ['ours', 'e7', 'e8']);
    expect([GSet.has(merged, 'ours'), GSet.has(merged, 'e7'), GSet.has(merged, 'e8'), GSet.size(merged)]).toEqual([true, false, true, 50_000]);
  });

  it('merges a set stored as one blob with one stored as shards', async () => {
    const repo = Repo.memory();
    const main = repo.branch('main');
    await main.set(['s'], GSet.of(codecs.string, ['a', 'b', 'c']), { type: Tags });
    const other = await main.fork('other');
    await main.set(['s'], GSet.of(codecs.string, ['a', 'b', 'c', ...range(100)]), { type: Tags });
    await other.set(['s'], GSet.of(codecs.string, ['a', 'c']), { type: Tags });
    expect((await main.merge(other)).kind).toBe('merged');
    const merged = await GSet.load((await main.get(['s'], Tags))!);
    expect(GSet.equals(merged, GSet.of(codecs.string, ['a', 'c', ...range(100)]))).toBe(true);
    expect((await main.list(['s']))[0]?.name).toBe('.grove');
  });

  it('keeps git fsck --strict clean on disk', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grove-set-'));
    try {
      const repo = await Repo.open(dir);
      const main = repo.branch('main');
      await main.set(['s'], GSet.of(codecs.string, [...range(2000), '', '.', '..', '.git', 'a/b']), { type: Tags });
      const other = await main.fork('other');
      await main.set(['s'], GSet.add((await GSet.load((await main.get(['s'], Tags))!, ['x'])), 'x'), { type: Tags });
      await other.set(['s'], GSet.delete((await GSet.load((await other.get(['s'], Tags))!, ['e1'])), 'e1'), { type: Tags });
      expect((await main.merge(other)).kind).toBe('merged');
      execFileSync('git', ['-C', dir, 'fsck', '--strict', '--no-dangling'], { stdio: 'pipe' });
      const back = await GSet.load((await main.get(['s'], Tags))!);
      expect(GSet.size(back)).toBe(2005);
      expect(['', '.', '..', '.git', 'a/b', 'x'].every((e) => GSet.has(back, e))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
