/** The sharded tree in a repository, by example: lazy reads, saving across repositories, unwritten nodes, corrupt shards. */
import { describe, expect, it } from 'vitest';
import { blobChild, markTree, Repo, ShardedTree, type TreeChild } from '../index.js';
import { stringSet } from '../testing/sharded-fixtures.js';

const schema = stringSet(4);
const TAG = 'test/strings@1';
const tree = (n: number) => ShardedTree.from(schema, Array.from({ length: n }, (_, i) => [`e${i}`, `e${i}`] as const));

async function commit(repo: Repo, child: TreeChild): Promise<TreeChild> {
  const root = await repo.nodes.emptyTree().set(['s'], child);
  await repo.writeCommit(root, []);
  return (await repo.tree(root.hash).get(['s']))!;
}

describe('ShardedTree in a repository', () => {
  it('is read lazily: size at once, shards after prefetch, NotLoadedError before', async () => {
    const repo = Repo.memory();
    const stored = await commit(repo, await tree(500).save(repo.nodes, TAG));
    const lazy = await ShardedTree.load(schema, stored, repo.nodes);
    expect(lazy.size).toBe(500);
    expect(() => lazy.get('e1')).toThrow(expect.objectContaining({ code: 'not-loaded' }));
    await lazy.prefetch(['e1', 'nope']);
    expect([lazy.get('e1'), lazy.has('nope')]).toEqual(['e1', false]);
    expect(lazy.hash).toBe(tree(500).hash);
  });

  it('prefetches what deleting a batch of keys one after another reaches, collapses included', async () => {
    const repo = Repo.memory();
    const lazy = await ShardedTree.load(schema, await commit(repo, await tree(300).save(repo.nodes, TAG)), repo.nodes);
    const doomed = Array.from({ length: 290 }, (_, i) => `e${i}`);
    await lazy.prefetch(doomed);
    const left = doomed.reduce((t, k) => t.delete(k), lazy);
    expect([...left.entries()].map(([k]) => k).sort()).toEqual(['e290', 'e291', 'e292', 'e293', 'e294', 'e295', 'e296', 'e297', 'e298', 'e299']);
  });

  it('copies the shards it needs when saved into another repository', async () => {
    const [a, b] = [Repo.memory(), Repo.memory()];
    const lazy = await ShardedTree.load(schema, await commit(a, await tree(300).save(a.nodes, TAG)), a.nodes);
    const inB = await commit(b, await (await lazy.prefetch(['x'])).set('x', 'x').save(b.nodes, TAG));
    const back = await (await ShardedTree.load(schema, inB, b.nodes)).prefetch();
    expect([back.size, back.has('x'), back.has('e299')]).toEqual([301, true, true]);
  });

  it('merges versions that were saved but never written (a virtual ancestor)', async () => {
    const repo = Repo.memory();
    const read = async (t: ShardedTree<string>) => ShardedTree.load(schema, await t.save(repo.nodes, TAG), repo.nodes);
    const base = tree(200);
    const [b, o, t] = await Promise.all([read(base), read(base.set('o', 'o')), read(base.delete('e3'))]);
    const r = await ShardedTree.mergeAsync({ base: b, ours: o, theirs: t });
    if (!r.ok) throw new Error('conflicts');
    await r.value.prefetch(['o', 'e3']);
    expect([r.value.size, r.value.has('o'), r.value.has('e3')]).toEqual([200, true, false]);
  });

  it('reports shards that are not where their hash puts them as corrupt', async () => {
    const repo = Repo.memory();
    const good = (await tree(100).save(repo.nodes, TAG)) as Extract<TreeChild, { kind: 'tree' }>;
    const [name, child] = [...(await good.tree.entries())].find(([n, c]) => n !== '.grove' && c.kind === 'blob')!;
    const moved = (name[0] === '0' ? '1' : '0') + name.slice(1);
    const bad = await markTree(await (await good.tree.patch(new Map([[name, undefined]]))).patch(new Map([[moved, child]])), TAG);
    const stored = await commit(repo, { kind: 'tree', tree: bad });
    const lazy = await ShardedTree.load(schema, stored, repo.nodes);
    await expect(lazy.prefetch()).rejects.toMatchObject({ code: 'corrupt-object' });
    const unnamed = await markTree(await repo.nodes.emptyTree().set(['zz'], blobChild(new Uint8Array())), TAG);
    await expect(ShardedTree.load(schema, await commit(repo, { kind: 'tree', tree: unnamed }), repo.nodes)).rejects.toMatchObject({ code: 'corrupt-object' });
  });
});
