import { counter } from '@grove/merge';
import { describe, expect, it } from 'vitest';
import { hashObject } from '../objects/hash.js';
import { encodeTree } from '../objects/tree-object.js';
import { Repo } from '../repo.js';
import { fsck } from './fsck.js';

describe('fsck', () => {
  it('finds nothing in a clean memory repository, which has no lock files', async () => {
    const repo = Repo.memory();
    await repo.branch('main').set(['stats', 'views'], 3n, { type: counter });
    await repo.branch('main').set(['readme'], 'hello');
    expect(await fsck(repo)).toEqual({ findings: [], removedLocks: [], complete: true });
  });

  it('reports a blob a tree names but the store lacks, once', async () => {
    const repo = Repo.memory();
    const missing = hashObject('blob', new TextEncoder().encode('never written'));
    const payload = encodeTree([{ name: 'lost', mode: '100644', hash: missing }]);
    const tree = hashObject('tree', payload);
    await repo.backend.objects.writeMany([{ hash: tree, type: 'tree', payload }]);
    const commit = await repo.writeCommit(repo.tree(tree), []);
    await repo.moveRef('refs/heads/main', undefined, commit.hash);
    const { findings } = await fsck(repo);
    expect(findings).toEqual([{ kind: 'missing-object', ref: 'main', path: 'lost', hash: missing, message: expect.stringContaining(`names blob ${missing}, which is not stored`) }]);
  });

  it('stops at maxObjects and says the check is incomplete', async () => {
    const repo = Repo.memory();
    for (const n of [1n, 2n, 3n]) await repo.branch('main').set(['hits'], n, { type: counter });
    expect((await fsck(repo, { maxObjects: 2 })).complete).toBe(false);
    expect((await fsck(repo, { maxObjects: 100 })).complete).toBe(true);
  });
});
