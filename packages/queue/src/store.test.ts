/** Examples of the queue in a Grove store: layout, costs per commit and per merge, old encodings, bad trees. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { codecs } from '@grove/merge';
import { blobChild, markTree, Repo, type Backend, type Branch, type ObjectStore } from '@grove/store';
import { describe, expect, it } from 'vitest';
import { queue, type Queue } from './index.js';

let now = 1_000;
const Jobs = queue(codecs.string, { replica: 'ada', clock: () => now++ });

/** A memory backend that counts the objects read from it and written to it. */
function counted(): { backend: Backend; reads: () => number; writes: () => number } {
  const inner = Repo.memory().backend;
  let [reads, writes] = [0, 0];
  const objects: ObjectStore = {
    read: (hash) => (reads++, inner.objects.read(hash)),
    has: (hash) => inner.objects.has(hash),
    writeMany: (batch) => ((writes += batch.length), inner.objects.writeMany(batch)),
  };
  return { backend: { objects, refs: inner.refs }, reads: () => reads, writes: () => writes };
}

const pushAll = (q: Queue<string>, n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`).reduce((acc, v) => Jobs.push(acc, v), q);
function popAll(q: Queue<string>, n: number): Queue<string> {
  for (let i = 0; i < n; i++) {
    const r = Jobs.pop(q);
    if (r.ok) q = r.queue;
  }
  return q;
}

describe('a queue in the store', () => {
  it('is a marked tree: the marker, the clock, and nodes named by the stamp of their first element', async () => {
    const main = Repo.memory({ types: [Jobs.stored] }).branch('main');
    now = 1_000;
    await main.set(['jobs'], pushAll(Jobs.empty(), 3, 'job'), { type: Jobs.stored });
    expect(await main.list(['jobs'])).toEqual([
      { name: '.grove', kind: 'blob' },
      { name: '1000.0.ada', kind: 'blob' },
      { name: 'clock', kind: 'blob' },
    ]);
    expect([...(await main.get(['jobs'], Jobs.stored))!]).toEqual(['job0', 'job1', 'job2']);
    const chunk = await main.read(['jobs', '1000.0.ada']);
    expect(Buffer.from(chunk!.value as Uint8Array).toString()).toBe('1000.0.ada 4\njob0\n1001.0.ada 4\njob1\n1002.0.ada 4\njob2\n');
  });

  it('is plain Git on disk: git fsck --strict passes, git show prints the clock and the chunks', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grove-queue-'));
    try {
      const Deep = queue(codecs.string, { replica: 'ada', fanout: 4, clock: () => now++ });
      const main = (await Repo.open(dir, { types: [Deep.stored] })).branch('main');
      await main.set(['jobs'], Array.from({ length: 200 }, (_, i) => `job ${i}`).reduce((q, v) => Deep.push(q, v), Deep.empty()), { type: Deep.stored });
      const other = await main.fork('other');
      await main.update(async (tx) => tx.set(['jobs'], popAll((await tx.get(['jobs'], Deep.stored))!, 3), Deep.stored));
      await other.update(async (tx) => tx.set(['jobs'], Deep.push((await tx.get(['jobs'], Deep.stored))!, 'late'), Deep.stored));
      expect((await main.merge(other)).kind).toBe('merged');
      const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
      git('fsck', '--strict', '--no-dangling');
      expect(git('show', 'main:jobs/.grove')).toBe(Deep.tag);
      expect(git('show', 'main:jobs/clock')).toBe(`${now - 1}.0.ada`);
      const files = git('ls-tree', '-r', '--name-only', 'main', 'jobs').trim().split('\n');
      expect(files.length).toBeGreaterThan(10);
      const chunks = files.filter((f) => !f.endsWith('.grove') && !f.endsWith('clock')).map((f) => git('show', `main:${f}`));
      expect(chunks.join('').match(/^job \d+$|^late$/gm)!.sort()).toEqual([...(await main.get(['jobs'], Deep.stored))!].sort());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('writes a bounded number of objects per commit, whatever the queue size', async () => {
    const perCommit = async (size: number) => {
      const { backend, writes } = counted();
      const main = new Repo(backend, { types: [Jobs.stored] }).branch('main');
      let q = pushAll(Jobs.empty(), size, 'v');
      await main.set(['jobs'], q, { type: Jobs.stored });
      let most = 0;
      for (let commit = 0; commit < 20; commit++) {
        q = popAll(pushAll(q, 10, `c${commit}-`), 10);
        const before = writes();
        await main.set(['jobs'], q, { type: Jobs.stored });
        most = Math.max(most, writes() - before);
      }
      expect([...(await main.get(['jobs'], Jobs.stored))!]).toEqual([...q]);
      return most;
    };
    const [small, large] = [await perCommit(200), await perCommit(50_000)];
    expect(small).toBeLessThanOrEqual(10);
    expect(large).toBeLessThanOrEqual(small + 2);
  });

  it('keeps saving only what changed, and the canonical tree, across in-memory compactions and copies', async () => {
    const Small = queue(codecs.string, { replica: 'ada', fanout: 4, clock: () => now++ });
    const { backend, writes } = counted();
    const repo = new Repo(backend, { types: [Small.stored] });
    const main = repo.branch('main');
    let q = Array.from({ length: 5000 }, (_, i) => `v${i}`).reduce((acc, v) => Small.push(acc, v), Small.empty());
    await main.set(['jobs'], q, { type: Small.stored });
    for (let round = 0; round < 12; round++) {
      for (let i = 0; i < 300; i++) {
        const r = Small.pop(q);
        if (r.ok) q = r.queue;
      }
      if (round % 3 === 0) Small.push(q, 'another version'); // the next push copies instead of appending in place
      q = Small.push(q, `r${round}`);
      const before = writes();
      await main.set(['jobs'], q, { type: Small.stored });
      expect(writes() - before).toBeLessThan(40);
      const child = await (await main.tree()).get(['jobs']);
      const fresh = await Small.stored.save(Small.decode(Small.encode(q)), repo.nodes);
      expect(child?.kind === 'tree' && fresh.kind === 'tree' && child.tree.hash === fresh.tree.hash).toBe(true);
    }
    expect([...(await main.get(['jobs'], Small.stored))!]).toEqual([...q]);
  });

  it('merges branches by reading only the nodes near their changes', async () => {
    const { backend, reads } = counted();
    const repo = new Repo(backend, { types: [Jobs.stored] });
    const main = repo.branch('main');
    await main.set(['jobs'], pushAll(Jobs.empty(), 50_000, 'v'), { type: Jobs.stored });
    const other = await main.fork('other');
    const edit = async (branch: Branch, prefix: string) =>
      branch.update(async (tx) => tx.set(['jobs'], popAll(pushAll((await tx.get(['jobs'], Jobs.stored))!, 10, prefix), 10), Jobs.stored));
    await edit(main, 'm');
    await edit(other, 'o');
    const cold = new Repo(backend, { types: [Jobs.stored] });
    const before = reads();
    const outcome = await cold.branch('main').merge(cold.branch('other'));
    expect(reads() - before).toBeLessThan(80);
    // Both sides popped v0..v9: the merge commit reports them as delivered twice.
    expect(outcome.kind === 'merged' && outcome.notes.map((n) => [n.kind, n.path, (n.data as unknown[]).length])).toEqual([['delivered-twice', ['jobs'], 10]]);
    const merged = [...(await main.get(['jobs'], Jobs.stored))!];
    expect([merged.length, merged[0], merged.slice(-20).join()]).toEqual([50_010, 'v10', [...Array(10).keys()].flatMap((i) => [`m${i}`, `o${i}`]).sort().join()]);
  });

  it('reads and merges queues stored as one typed blob by the Mergeable encoding', async () => {
    const repo = Repo.memory();
    const main = repo.branch('main');
    await main.set(['jobs'], pushAll(Jobs.empty(), 2, 'a'), { type: Jobs });
    repo.types.register(Jobs.stored);
    const other = await main.fork('other');
    await main.update(async (tx) => tx.set(['jobs'], pushAll((await tx.get(['jobs'], Jobs.stored))!, 1, 'm'), Jobs.stored));
    await other.update(async (tx) => tx.set(['jobs'], popAll((await tx.get(['jobs'], Jobs.stored))!, 1), Jobs.stored));
    expect((await main.merge(other)).kind).toBe('merged');
    expect([...(await main.get(['jobs'], Jobs.stored))!]).toEqual(['a1', 'm0']);
  });

  it('reports a tree that is not a queue: corrupt-object on read, an invalid-value conflict on merge', async () => {
    const repo = Repo.memory({ types: [Jobs.stored] });
    const main = repo.branch('main');
    await main.set(['jobs'], pushAll(Jobs.empty(), 1, 'a'), { type: Jobs.stored });
    const other = await main.fork('other');
    await main.set(['jobs'], pushAll(Jobs.empty(), 1, 'b'), { type: Jobs.stored });
    const bad = await markTree(await repo.nodes.emptyTree().set(['not-a-stamp'], blobChild(Buffer.from('x'))), Jobs.tag);
    const wrong = await (await other.tree()).set(['jobs'], { kind: 'tree', tree: bad });
    await other.update((tx) => tx.replace(wrong, 'corrupt the queue'));
    await expect(other.get(['jobs'], Jobs.stored)).rejects.toMatchObject({ code: 'corrupt-object' });
    expect(await main.merge(other)).toMatchObject({ kind: 'conflict', conflicts: [{ kind: 'invalid-value', path: ['jobs'] }] });
  });

  it('merges through a virtual ancestor whose nodes were never written (regression: store.prop seed 869762775)', async () => {
    let tick = 0;
    const repo = Repo.memory({ clock: () => (tick += 1000) });
    const types = [0, 1, 2, 3].map((i) => queue(codecs.string, { replica: `r${i}`, fanout: 4, clock: () => (i === 0 ? 7 : 0) }));
    const root = repo.branch('r0');
    await root.set(['jobs'], types[0]!.empty(), { type: types[0]!.stored });
    const branches = [root, await root.fork('r1'), await root.fork('r2'), await root.fork('r3')];
    const edit = (i: number, f: (q: Queue<string>) => Queue<string>) => branches[i]!.update(async (tx) => tx.set(['jobs'], f((await tx.get(['jobs'], types[i]!.stored))!), types[i]!.stored));
    const pop = (i: number) => edit(i, (q) => { const r = types[i]!.pop(q); return r.ok ? r.queue : q; });
    await edit(1, (q) => types[1]!.push(q, 'r1-0'));
    await branches[3]!.merge(branches[1]!);
    await edit(2, (q) => types[2]!.push(q, 'r2-0'));
    await pop(3);
    await branches[3]!.merge(branches[2]!);
    await edit(0, (q) => types[0]!.push(types[0]!.push(q, 'r0-0'), 'r0-1'));
    await pop(0);
    for (const b of branches.slice(1)) expect((await root.merge(b)).kind).toBe('merged');
    expect([...(await root.get(['jobs'], types[0]!.stored))!]).toEqual(['r2-0', 'r0-1']);
  });
});
