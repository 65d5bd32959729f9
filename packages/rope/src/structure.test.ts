/** The rope in a store: round trips, objects written per save, merges that skip equal subtrees, Git's view, bad trees. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobChild, markTree, Repo, type Backend, type Hash, type TreeChild } from '@grove/store';
import { describe, expect, it } from 'vitest';
import { Rope, structure } from './index.js';

const lines = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `line ${i + from}: the quick brown fox jumps over the lazy dog\n`).join('');
const idOf = (child: TreeChild) => (child.kind === 'tree' ? child.tree.hash : child.hash);

/** A memory repository whose backend counts the objects read and the new objects written. */
function counting(): { repo: Repo; reads: () => number; written: () => number; fresh: () => Repo } {
  const inner = Repo.memory().backend;
  let [reads, written] = [0, 0];
  const backend: Backend = {
    refs: inner.refs,
    objects: {
      read: (hash) => (reads++, inner.objects.read(hash)),
      has: (hash) => inner.objects.has(hash),
      async writeMany(batch) {
        for (const o of batch) if (!(await inner.objects.has(o.hash))) written++;
        await inner.objects.writeMany(batch);
      },
    },
  };
  return { repo: new Repo(backend), reads: () => reads, written: () => written, fresh: () => new Repo(backend, { types: [structure] }) };
}

describe('the rope in a store', () => {
  it('reads back what it saved, astral characters and CRLF included', async () => {
    const main = Repo.memory().branch('main');
    const text = `${lines(2000)}😀 é 中\r\n`.repeat(2);
    await main.set(['doc'], Rope.from(text), { type: structure });
    expect((await main.get(['doc'], structure))!.toString()).toBe(text);
    await main.set(['empty'], Rope.empty, { type: structure });
    expect((await main.get(['empty'], structure))!.length).toBe(0);
  });

  it('gives equal texts equal ids, whatever their history', async () => {
    const { repo } = counting();
    let edited = Rope.from(lines(3000));
    const first = await structure.save(edited, repo.nodes);
    for (const [at, del, ins] of [[500, 0, 'x'], [90_000, 40, ''], [12, 3, 'abc'], [150_000, 0, lines(50)]] as const) {
      edited = edited.splice(at, del, ins);
      await structure.save(edited, repo.nodes);
    }
    const fresh = Rope.from(edited.toString());
    const direct = await structure.save(fresh, Repo.memory().nodes);
    expect(idOf(await structure.save(edited, repo.nodes))).toBe(idOf(direct));
    expect(idOf(first)).not.toBe(idOf(direct));
    expect(edited.equals(fresh)).toBe(true);
    const other = Rope.from(`X${edited.toString().slice(1)}`);
    await structure.save(other, repo.nodes);
    expect(edited.equals(other)).toBe(false);
  });

  it('writes O(log n) objects for an edit, however long the text', async () => {
    for (const n of [1000, 10_000]) {
      const { repo, written } = counting();
      const main = repo.branch('main');
      let rope = Rope.from(lines(n));
      await main.set(['doc'], rope, { type: structure });
      const before = written();
      rope = rope.insert(Math.floor(rope.length / 2), 'a word ');
      await main.set(['doc'], rope, { type: structure });
      // one leaf, the trees above it, the root, the commit's tree and the commit
      expect(written() - before).toBeLessThanOrEqual(n === 1000 ? 6 : 7);
    }
  });

  it('merges by reading only the nodes that differ', async () => {
    const { repo, reads, fresh } = counting();
    const main = repo.branch('main');
    await main.set(['doc'], Rope.from(lines(20_000)), { type: structure });
    const other = await main.fork('other');
    const ours = (await main.get(['doc'], structure))!;
    await main.set(['doc'], ours.insert(1000, 'OURS '), { type: structure });
    const theirs = (await other.get(['doc'], structure))!;
    await other.set(['doc'], theirs.delete(900_000, 10), { type: structure });
    const cold = fresh();
    const before = reads();
    expect((await cold.branch('main').merge(cold.branch('other'))).kind).toBe('merged');
    expect(reads() - before).toBeLessThan(60);
    const merged = (await cold.branch('main').get(['doc'], structure))!.toString();
    expect(merged).toBe(Rope.from(lines(20_000)).delete(900_000, 10).insert(1000, 'OURS ').toString());
  });

  it('stores leaves as plain text that git shows, in trees git accepts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grove-rope-'));
    try {
      const main = (await Repo.open(dir)).branch('main');
      const text = lines(500);
      await main.set(['doc'], Rope.from(text), { type: structure });
      const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
      const entries = git('ls-tree', 'main:doc').trim().split('\n');
      expect(entries[0]).toMatch(/^100644 blob [0-9a-f]{40}\t\.grove$/);
      expect(git('show', 'main:doc/.grove')).toBe('grove/rope@1');
      const leaves = git('ls-tree', '-r', '--name-only', 'main:doc').trim().split('\n').filter((p) => p !== '.grove');
      expect(leaves.map((p) => git('show', `main:doc/${p}`)).join('')).toBe(text);
      git('fsck', '--strict');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('saves a rope loaded from one store into another', async () => {
    const a = Repo.memory().branch('main');
    const b = Repo.memory().branch('main');
    await a.set(['doc'], Rope.from(lines(3000)), { type: structure });
    const loaded = (await a.get(['doc'], structure))!;
    await b.set(['doc'], loaded.insert(0, '> '), { type: structure });
    const cold = new Repo(b.repo.backend, { types: [structure] }).branch('main');
    expect((await cold.get(['doc'], structure))!.toString()).toBe(`> ${lines(3000)}`);
  });

  it('writes every node of a save that was never committed when a later one is', async () => {
    const { repo, fresh } = counting();
    const rope = Rope.from(lines(3000)).insert(10, 'x');
    await structure.save(rope, repo.nodes);
    const main = repo.branch('main');
    await main.set(['doc'], rope.insert(70_000, 'y'), { type: structure });
    expect((await fresh().branch('main').get(['doc'], structure))!.toString()).toBe(rope.insert(70_000, 'y').toString());
  });

  it('refuses trees that are not ropes with not-a-rope, and merges them as invalid-value conflicts', async () => {
    const repo = Repo.memory();
    const bad = await markTree(await repo.nodes.emptyTree().set(['readme'], blobChild(Buffer.from('hi'))), 'grove/rope@1');
    await expect(structure.load({ kind: 'tree', tree: bad }, repo.nodes)).rejects.toMatchObject({ code: 'not-a-rope' });
    const good = await structure.save(Rope.from('hello'), repo.nodes);
    const r = await structure.merge({ base: good, ours: { kind: 'tree', tree: bad }, theirs: await structure.save(Rope.from('hello!'), repo.nodes), path: ['doc'], nodes: repo.nodes });
    expect(r).toMatchObject({ ok: false, conflicts: [{ kind: 'invalid-value', path: ['doc'] }] });
    const lying = await markTree(await repo.nodes.emptyTree().set(['000-9'], blobChild(Buffer.from('hi'))), 'grove/rope@1');
    await expect(structure.load({ kind: 'tree', tree: lying }, repo.nodes)).rejects.toMatchObject({ code: 'not-a-rope' });
  });

  it('keeps a text merge free of conflicts at the branch level', async () => {
    const main = Repo.memory().branch('main');
    await main.set(['doc'], Rope.from('one two three'), { type: structure });
    const other = await main.fork('other');
    await main.set(['doc'], Rope.from('one 2 three'), { type: structure });
    await other.set(['doc'], Rope.from('one deux three!'), { type: structure });
    expect((await main.merge(other)).kind).toBe('merged');
    expect((await main.get(['doc'], structure))!.toString()).toBe('one 2deux three!');
    const hash: Hash | undefined = await main.head();
    expect(hash).toBeDefined();
  });
});
