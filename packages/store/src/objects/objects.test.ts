/** Git object encodings checked against the real `git`. */
import { afterAll, describe, expect, it } from 'vitest';
import { gitBytes, makeTempDir, removeTempDirs } from '../testing/git-fixture.js';
import { decodeCommit, encodeCommit } from './commit-object.js';
import { hashObject } from './hash.js';
import { decodeTree, encodeTree, type TreeEntry } from './tree-object.js';
import { decodeTyped, encodeTyped } from '../values/typed-blob.js';
import { blobChild, Repo } from '../index.js';

const dir = makeTempDir();
gitBytes(dir, ['init', '-q', '--bare']);
afterAll(removeTempDirs);
const git = (args: string[], input?: Buffer) => gitBytes(dir, args, input);

describe('Git objects', () => {
  it('hashes blobs as git does', () => {
    for (const text of ['', 'hello\n', 'ü'.repeat(1000)]) {
      const bytes = Buffer.from(text);
      expect(hashObject('blob', bytes)).toBe(git(['hash-object', '--stdin'], bytes).toString().trim());
    }
  });

  it('orders tree entries as git does (a subtree sorts as if its name ended in "/")', () => {
    const blob = git(['hash-object', '-w', '--stdin'], Buffer.from('x')).toString().trim();
    const sub = git(['mktree'], Buffer.from(`100644 blob ${blob}\tx\n`)).toString().trim();
    const entries: TreeEntry[] = [
      { name: 'a-b', mode: '100644', hash: blob },
      { name: 'a', mode: '40000', hash: sub },
      { name: 'a.b', mode: '100755', hash: blob },
      { name: 'a0', mode: '100644', hash: blob },
    ];
    const payload = encodeTree(entries);
    const mktree = entries.map((e) => `${e.mode === '40000' ? '040000 tree' : `${e.mode} blob`} ${e.hash}\t${e.name}`).join('\n');
    expect(hashObject('tree', payload)).toBe(git(['mktree'], Buffer.from(`${mktree}\n`)).toString().trim());
    expect(decodeTree(payload, 'x').map((e) => e.name)).toEqual(['a-b', 'a.b', 'a', 'a0']);
  });

  it('orders names by their UTF-8 bytes, with surrogates and in large trees', () => {
    const hash = 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391';
    const names = ['\u{1F600}', '\uFFFD', 'z', 'é', ...Array.from({ length: 40 }, (_, i) => `n${(i * 7919) % 40}`)];
    const entries: TreeEntry[] = names.map((name, i) => ({ name, mode: i % 3 === 0 ? '40000' : '100644', hash }));
    const key = (e: TreeEntry) => Buffer.from(e.mode === '40000' ? `${e.name}/` : e.name);
    const want = [...entries].sort((a, b) => Buffer.compare(key(a), key(b))).map((e) => e.name);
    expect(decodeTree(encodeTree(entries), 'x').map((e) => e.name)).toEqual(want);
    expect(decodeTree(encodeTree(entries.filter((e) => e.name.startsWith('n'))), 'x').map((e) => e.name)).toEqual(want.filter((n) => n.startsWith('n')));
  });

  it('writes commits git parses, and reads them back', () => {
    const tree = git(['mktree'], Buffer.from('')).toString().trim();
    const data = {
      tree,
      parents: [],
      author: { name: 'Ada Lovelace', email: 'ada@example.com', timestamp: 1_700_000_000, timezoneOffset: -330 },
      committer: { name: 'Grove', email: 'grove@localhost', timestamp: 1_700_000_001, timezoneOffset: 60 },
      message: 'first line\n\nbody',
    };
    const payload = encodeCommit(data);
    const hash = git(['hash-object', '-t', 'commit', '-w', '--stdin'], payload).toString().trim();
    expect(hashObject('commit', payload)).toBe(hash);
    expect(git(['log', '-1', '--format=%an <%ae> %ad|%s', '--date=raw', hash]).toString().trim()).toBe('Ada Lovelace <ada@example.com> 1700000000 -0530|first line');
    expect(decodeCommit(payload, hash)).toEqual({ ...data, message: 'first line\n\nbody\n' });
  });

  it('rejects truncated trees', () => {
    const payload = encodeTree([{ name: 'a', mode: '100644', hash: 'e69de29bb2d1d6434b8b29ae775ad8c2e48c5391' }]);
    expect(() => decodeTree(payload.subarray(0, payload.length - 3), 'abc')).toThrow(/corrupt/);
  });
});

describe('typed blobs', () => {
  it('keeps text as text, marks typed values, and escapes text that looks like a header', () => {
    expect(Buffer.from(encodeTyped('text', Buffer.from('hi'))).toString()).toBe('hi');
    expect(Buffer.from(encodeTyped('grove/counter@1', Buffer.from('7'))).toString()).toBe('#!grove grove/counter@1\n7');
    const tricky = Buffer.from('#!grove grove/counter@1\n7');
    const stored = encodeTyped('text', tricky);
    expect(decodeTyped(stored)).toEqual({ tag: 'text', payload: tricky });
    expect(decodeTyped(Buffer.from([0xff, 0x00])).tag).toBe('bytes');
  });
});

describe('decoded trees', () => {
  it('are shared by every tree of a repository, subtrees included', async () => {
    const repo = Repo.memory();
    const tree = await repo.nodes.emptyTree().set(['a', 'b'], blobChild(Buffer.from('x')));
    await repo.writeCommit(tree, []);
    const [one, two] = [repo.tree(tree.hash), repo.tree(tree.hash)];
    expect(await one.entries()).toBe(await two.entries());
    expect(await (await one.subtree(['a']))!.entries()).toBe(await (await two.subtree(['a']))!.entries());
    expect((await two.get(['a', 'b']))?.kind).toBe('blob');
  });
});
