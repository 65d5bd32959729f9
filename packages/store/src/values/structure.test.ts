/** The store dispatches reads, writes and merges of marked subtrees to their Structure. */
import { describe, expect, it } from 'vitest';
import { blobChild, markTree, MARKER, Repo, type Nodes, type Structure, type TreeChild } from '../index.js';

/** A set of names stored one entry per element under a marked tree: merge = union minus removals. */
const names: Structure<ReadonlySet<string>> = {
  kind: 'structure',
  tag: 'test/names@1',
  async save(value, nodes) {
    let tree = await markTree(nodes.emptyTree(), 'test/names@1');
    for (const n of value) tree = await tree.set([n], blobChild(Buffer.from('')));
    return { kind: 'tree', tree };
  },
  async load(child) {
    if (child.kind !== 'tree') throw new Error('names are a tree');
    return new Set([...(await child.tree.entries()).keys()].filter((k) => k !== MARKER));
  },
  async merge({ base, ours, theirs, nodes }) {
    const [b, o, t] = await Promise.all([base === undefined ? new Set<string>() : names.load(base, nodes), names.load(ours, nodes), names.load(theirs, nodes)]);
    const merged = new Set([...o, ...t].filter((x) => !b.has(x) || (o.has(x) && t.has(x))));
    return { ok: true, value: await names.save(merged, nodes) };
  },
};

const list = async (child: TreeChild, nodes: Nodes) => [...(await names.load(child, nodes))].sort();

describe('structures in the store', () => {
  it('are saved as marked subtrees, read back, and merged by their own merge once registered', async () => {
    const repo = Repo.memory({ types: [names] });
    const main = repo.branch('main');
    await main.set(['team'], new Set(['ada', 'bob']), { type: names });
    expect([...(await main.get(['team'], names))!].sort()).toEqual(['ada', 'bob']);
    const other = await main.fork('other');
    await main.set(['team'], new Set(['ada', 'bob', 'cy']), { type: names });
    await other.set(['team'], new Set(['ada']), { type: names });
    expect((await main.merge(other)).kind).toBe('merged');
    const child = await (await main.tree()).get(['team']);
    expect(await list(child!, repo.nodes)).toEqual(['ada', 'cy']);
    expect((await main.read(['team']))?.tag).toBe('test/names@1');
  });

  it('conflicts when one side holds a structure and the other a plain value', async () => {
    const repo = Repo.memory();
    const main = repo.branch('main');
    await main.set(['team'], 'nobody');
    const other = await main.fork('other');
    await main.set(['team'], new Set(['ada']), { type: names });
    await other.set(['team'], 'somebody');
    expect(await main.merge(other)).toMatchObject({ kind: 'conflict', conflicts: [{ kind: 'type-mismatch', path: ['team'], ours: 'test/names@1', theirs: 'text' }] });
  });
});
