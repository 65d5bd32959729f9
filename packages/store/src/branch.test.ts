/** Examples of the branch API on the memory backend, with a fake clock. */
import { counter, isGroveError } from '@grove/merge';
import { describe, expect, it } from 'vitest';
import { Repo, StoreError } from './index.js';

function repo() {
  let now = 1_700_000_000_000;
  return Repo.memory({ clock: () => (now += 1000), author: { name: 'Ada', email: 'ada@example.com' } });
}

async function storeError(run: () => Promise<unknown> | unknown): Promise<StoreError> {
  try {
    await run();
  } catch (e) {
    expect(isGroveError(e)).toBe(true);
    return e as StoreError;
  }
  throw new Error('expected a StoreError');
}

describe('Branch', () => {
  it('writes, reads, lists and removes values, one commit each', async () => {
    const main = repo().branch('main');
    expect(await main.head()).toBeUndefined();
    await main.set(['docs', 'readme'], 'hello');
    await main.set(['stats', 'views'], 3n, { type: counter, message: 'count views' });
    expect(await main.get(['docs', 'readme'])).toBe('hello');
    expect(await main.get(['stats', 'views'], counter)).toBe(3n);
    expect(await main.list()).toEqual([{ name: 'docs', kind: 'tree' }, { name: 'stats', kind: 'tree' }]);
    await main.remove(['docs', 'readme']);
    expect(await main.list()).toEqual([{ name: 'stats', kind: 'tree' }]);
    const log = [];
    for await (const c of main.log()) log.push(c.message.trim());
    expect(log).toEqual(['remove docs/readme', 'count views', 'set docs/readme']);
  });

  it('reads a value with the wrong type as a typed error', async () => {
    const main = repo().branch('main');
    await main.set(['n'], 'text');
    const e = await storeError(() => main.get(['n'], counter));
    expect(e.code).toBe('wrong-type');
    expect(e.data).toMatchObject({ expected: 'grove/counter@1', actual: 'text' });
  });

  it('refuses a value its type cannot encode with a typed error, before anything is stored', async () => {
    const main = repo().branch('main');
    await main.set(['views'], 3n, { type: counter });
    const head = await main.head();
    for (const bad of [NaN, 1.5, 7, '7', undefined]) {
      await expect(main.set(['views'], bad as unknown as bigint, { type: counter }), String(bad)).rejects.toMatchObject({ code: 'encode-error', data: { tag: 'bigint' } });
    }
    expect(await main.head()).toBe(head);
    expect(await main.get(['views'], counter)).toBe(3n);
  });

  it('refuses bad paths and branch names and stores nothing', async () => {
    const r = repo();
    const main = r.branch('main');
    await main.set(['ok'], 'v');
    const head = await main.head();
    for (const bad of [[], [''], ['.'], ['..'], ['a/b'], ['a\0b'], ['.git'], ['x', '.GIT'], ['.grove'], ['a', '.grove'], ['\ud800']]) {
      expect((await storeError(() => main.set(bad, 'v'))).code).toBe('invalid-path');
    }
    for (const bad of ['', 'a..b', 'a b', '-x', 'x.lock', 'a//b', '.hidden', 'a/', 'a~1', 'a^', 'a:b', 'a?', 'a*', 'a[', 'a\\b', '@', 'a@{1}', 'trailing.', 'HEAD', 'refs/heads/main']) {
      expect((await storeError(() => r.branch(bad))).code).toBe('invalid-ref');
    }
    expect(await main.head()).toBe(head);
  });

  it('keeps every concurrent update: a lost compare-and-set retries on the new head', async () => {
    const main = repo().branch('main');
    await main.set(['n'], 0n, { type: counter });
    await Promise.all(Array.from({ length: 20 }, () => main.update(async (tx) => tx.set(['n'], (await tx.get(['n'], counter))! + 1n, counter))));
    expect(await main.get(['n'], counter)).toBe(20n);
  });

  it('forks, merges a fast-forward, then merges diverged branches value by value', async () => {
    const main = repo().branch('main');
    await main.set(['views'], 1n, { type: counter });
    const feature = await main.fork('feature');
    await feature.set(['title'], 'Grove');
    expect(await main.merge(feature)).toEqual({ kind: 'fast-forward', head: await feature.head() });
    await feature.set(['views'], 5n, { type: counter });
    await main.set(['views'], 3n, { type: counter });
    const outcome = await main.merge(feature);
    expect(outcome.kind).toBe('merged');
    if (outcome.kind !== 'merged') return;
    expect(outcome.commit.parents).toHaveLength(2);
    expect(await main.get(['views'])).toBe(7n);
    expect(await main.merge(feature)).toMatchObject({ kind: 'up-to-date' });
  });

  it('returns conflicts as data and leaves the branch untouched', async () => {
    const main = repo().branch('main');
    await main.set(['title'], 'a');
    const other = await main.fork('other');
    await main.set(['title'], 'b');
    await other.set(['title'], 'c');
    const head = await main.head();
    const outcome = await main.merge(other);
    expect(outcome).toMatchObject({ kind: 'conflict', conflicts: [{ kind: 'both-modified', path: ['title'], base: 'a', ours: 'b', theirs: 'c' }] });
    expect(await main.head()).toBe(head);
  });

  it('finds the commit that last changed a path, and resets and reverts to snapshots', async () => {
    const main = repo().branch('main');
    const first = await main.set(['a'], '1');
    await main.set(['b'], '1');
    const third = await main.set(['a'], '2');
    await main.set(['b'], '2');
    expect((await main.lastModified(['a'])).map((c) => c.hash)).toEqual([third.hash]);
    expect((await main.lastModified(['a'], { limit: 5 })).map((c) => c.hash)).toEqual([third.hash, first.hash]);
    const revert = await main.revert(first.hash);
    expect(revert?.parents).toHaveLength(1);
    expect(await main.get(['a'])).toBe('1');
    expect(await main.get(['b'])).toBeUndefined();
    await main.reset(third.hash);
    expect(await main.head()).toBe(third.hash);
  });

  it('diffs two commits with decoded values', async () => {
    const r = repo();
    const main = r.branch('main');
    const a = await main.set(['x'], 'old');
    await main.set(['y', 'z'], 2n, { type: counter });
    const b = await main.set(['x'], 'new');
    const changes = await r.diff(a.hash, b.hash);
    expect(changes.map((c) => [c.path.join('/'), c.kind, c.old?.value, c.new?.value])).toEqual([
      ['x', 'updated', 'old', 'new'],
      ['y/z', 'added', undefined, 2n],
    ]);
  });

  it('lists and deletes branches; a fork onto an existing name is refused', async () => {
    const r = repo();
    const main = r.branch('main');
    await main.set(['a'], '1');
    await main.fork('team/x');
    expect(await r.branches()).toEqual(['main', 'team/x']);
    expect((await storeError(() => main.fork('team/x'))).code).toBe('invalid-ref');
    expect(await r.deleteBranch('team/x')).toBe(true);
    expect(await r.deleteBranch('team/x')).toBe(false);
    expect(await r.branches()).toEqual(['main']);
  });

  it('answers unknown commits and branches with not-found, changing nothing', async () => {
    const r = repo();
    const main = r.branch('main');
    await main.set(['a'], '1');
    const head = await main.head();
    const unknown = 'f'.repeat(40);
    expect((await storeError(() => main.reset(unknown))).code).toBe('not-found');
    expect((await storeError(() => main.revert(unknown))).code).toBe('not-found');
    expect((await storeError(() => main.merge(unknown))).code).toBe('not-found');
    expect((await storeError(() => r.resolve('nope'))).code).toBe('not-found');
    expect((await storeError(() => main.merge(r.branch('empty')))).code).toBe('not-found');
    expect(await r.branch('empty').remove(['a'])).toBeUndefined();
    expect(await r.branch('empty').head()).toBeUndefined();
    expect(await main.head()).toBe(head);
  });

  it('bounds the common-ancestor search', async () => {
    let now = 0;
    const r = Repo.memory({ clock: () => (now += 1000), maxCommits: 10 });
    const main = r.branch('main');
    for (let i = 0; i < 12; i++) await main.set(['n'], `${i}`);
    const root = r.branch('root');
    await root.set(['other'], 'history');
    expect((await storeError(() => main.merge(root))).code).toBe('history-too-deep');
  });
});

