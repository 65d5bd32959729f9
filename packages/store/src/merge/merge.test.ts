/** Merge examples: criss-cross through a virtual ancestor, typed dispatch, conflicts as data. */
import { codecs, counter, defaultMerge, setOf } from '@grove/merge';
import { describe, expect, it } from 'vitest';
import { Repo } from '../index.js';

function repo() {
  let now = 1_700_000_000_000;
  return Repo.memory({ clock: () => (now += 1000) });
}

describe('merge', () => {
  it('merges a criss-cross through a virtual ancestor, counting each increment once', async () => {
    const r = repo();
    const a = r.branch('a');
    await a.set(['n'], 10n, { type: counter });
    const b = await a.fork('b');
    await a.set(['n'], 11n, { type: counter });
    await b.set(['n'], 12n, { type: counter });
    const aHead = await a.head();
    const bHead = await b.head();
    // a and b merge each other at the same time: two merge commits, two LCAs later.
    expect((await a.merge(bHead!)).kind).toBe('merged');
    expect((await b.merge(aHead!)).kind).toBe('merged');
    await a.set(['n'], 14n, { type: counter });
    await b.set(['n'], 16n, { type: counter });
    const lcas = (await r.mergeCommits((await a.head())!, (await b.head())!)).lcas;
    expect(new Set(lcas)).toEqual(new Set([aHead, bHead]));
    expect((await a.merge(b)).kind).toBe('merged');
    // 10 + 1 + 2 + 1 (a after the criss-cross) + 3 (b after it) = 17
    expect(await a.get(['n'], counter)).toBe(17n);
  });

  it('dispatches to registered types and reports unknown ones', async () => {
    const tags = setOf(codecs.string);
    const r = repo();
    const main = r.branch('main');
    await main.set(['tags'], new Set(['a', 'b']), { type: tags });
    const other = await main.fork('other');
    await main.set(['tags'], new Set(['a', 'b', 'c']), { type: tags });
    await other.set(['tags'], new Set(['a']), { type: tags });
    expect((await main.merge(other)).kind).toBe('merged');
    expect([...((await main.get(['tags'], tags)) ?? [])]).toEqual(['a', 'c']);

    const stranger = Repo.memory({ clock: () => 0 });
    const foreign = defaultMerge(codecs.string, { tag: 'app/foreign@1' });
    const x = stranger.branch('x');
    await x.set(['v'], 'base', { type: foreign });
    const y = await x.fork('y');
    await x.set(['v'], 'ours', { type: foreign });
    await y.set(['v'], 'theirs', { type: foreign });
    const fresh = new Repo(stranger.backend);
    const outcome = await fresh.branch('x').merge(fresh.branch('y'));
    expect(outcome).toMatchObject({ kind: 'conflict', conflicts: [{ kind: 'unknown-type', path: ['v'] }] });
    fresh.types.register(foreign);
    expect(await fresh.branch('x').merge(fresh.branch('y'))).toMatchObject({ kind: 'conflict', conflicts: [{ kind: 'both-modified', ours: 'ours', theirs: 'theirs' }] });
  });

  it('reports delete/modify, type and kind mismatches with their paths', async () => {
    const r = repo();
    const main = r.branch('main');
    await main.update(async (tx) => {
      await tx.set(['gone'], 'v');
      await tx.set(['typed'], 'text');
      await tx.set(['shape'], 'blob');
    });
    const other = await main.fork('other');
    await main.update(async (tx) => {
      await tx.remove(['gone']);
      await tx.set(['typed'], 1n, counter);
      await tx.set(['shape', 'inner'], 'now a tree');
    });
    await other.update(async (tx) => {
      await tx.set(['gone'], 'changed');
      await tx.set(['typed'], 'other text');
      await tx.set(['shape'], 'other blob');
    });
    const outcome = await main.merge(other);
    expect(outcome.kind === 'conflict' && outcome.conflicts.map((c) => [c.path.join('/'), c.kind])).toEqual([
      ['gone', 'deleted-by-us'],
      ['shape', 'type-mismatch'],
      ['typed', 'type-mismatch'],
    ]);
  });

  it('merges unrelated histories with no common ancestor', async () => {
    const r = repo();
    const a = r.branch('a');
    const b = r.branch('b');
    await a.set(['x'], '1');
    await b.set(['y'], '2');
    expect((await a.merge(b)).kind).toBe('merged');
    expect(await a.list()).toEqual([{ name: 'x', kind: 'blob' }, { name: 'y', kind: 'blob' }]);
  });

  it('takes a deletion made on both sides', async () => {
    const r = repo();
    const a = r.branch('a');
    await a.update(async (tx) => {
      await tx.set(['x'], '1');
      await tx.set(['keep'], '1');
    });
    const b = await a.fork('b');
    await a.remove(['x']);
    await b.update(async (tx) => {
      await tx.remove(['x']);
      await tx.set(['y'], '2');
    });
    expect((await a.merge(b)).kind).toBe('merged');
    expect((await a.list()).map((e) => e.name)).toEqual(['keep', 'y']);
  });
});
