/**
 * Pushes that would break `git fsck --strict` are refused per ref with
 * Git's reason, store nothing and move no ref: hand-built packs through the
 * in-process handler, and real `git push` over HTTP with trees git made.
 */
import { EMPTY_TREE, Repo, type RawObject } from '@grove/store';
import { commitOf, git, makeTempDir, rawObject, removeTempDirs, treeOf } from '@grove/store/testing';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createGroveHandler } from '../server/http-server.js';
import { fsck, gitOut, newRepo, serveForTest } from '../testing/server.js';
import { encodePack } from './pack-encode.js';
import { FLUSH, pktLine } from './pkt-line.js';

afterEach(removeTempDirs);

const ZERO = '0'.repeat(40);
const blob = rawObject('blob', 'x\n');

/** A Grove repository with one commit on main, served in process; `push` sends ref updates and a pack of `objects`. */
async function served() {
  const repo = Repo.memory();
  await repo.branch('main').set(['x'], 'v');
  const head = (await repo.branch('main').head())!;
  const handler = createGroveHandler(repo);
  const push = async (updates: readonly (readonly [ref: string, old: string, next: string])[], objects: readonly RawObject[]) => {
    const commands = updates.map(([ref, old, next], i) => pktLine(`${old} ${next} ${ref}${i === 0 ? '\0report-status' : ''}\n`));
    const body = Buffer.concat([...commands, FLUSH, ...encodePack(objects.map((object) => ({ object })))]);
    const response = await handler({ method: 'POST', url: '/git-receive-pack', headers: { 'content-type': 'application/x-git-receive-pack-request' }, body });
    return { status: response.status, report: Buffer.concat(response.body).toString('utf8') };
  };
  return { repo, head, push };
}

describe('receive-pack runs git fsck --strict on what it receives', () => {
  it.each([
    ['a .git entry', treeOf([['.git', blob]]), 'hasDotgit'],
    ['a .GIT entry', treeOf([['.GIT', blob]]), 'hasDotgit'],
    ['a git~1 entry', treeOf([['git~1', blob]]), 'hasDotgit'],
    ['a ../evil entry', treeOf([['../evil', blob]]), 'fullPathname'],
    ['a .. entry', treeOf([['..', blob]]), 'hasDotdot'],
    ['entries out of order', treeOf([['b', blob], ['a', blob]]), 'treeNotSorted'],
  ])('refuses a tree with %s; nothing stored, main unmoved', async (_, tree, id) => {
    const { repo, head, push } = await served();
    const commit = commitOf(tree, 'bad', [head]);
    const { status, report } = await push([['refs/heads/main', head, commit.hash]], [commit, tree, blob]);
    expect(status).toBe(200);
    expect(report).toContain(`ng refs/heads/main tree ${tree.hash} fails git fsck: ${id}: `);
    expect(await repo.branch('main').head()).toBe(head);
    for (const object of [commit, tree, blob]) expect(await repo.backend.objects.has(object.hash)).toBe(false);
  });

  it('refuses a commit with a malformed author and a tag with a malformed tagger', async () => {
    const { repo, head, push } = await served();
    const commit = rawObject('commit', `tree ${EMPTY_TREE}\nparent ${head}\nauthor A<a@x> 1 +0000\ncommitter A <a@x> 1 +0000\n\nx\n`);
    const pushed = await push([['refs/heads/main', head, commit.hash]], [commit, rawObject('tree', '')]);
    expect(pushed.report).toContain(`ng refs/heads/main commit ${commit.hash} fails git fsck: missingSpaceBeforeEmail: `);
    const tag = rawObject('tag', `object ${head}\ntype commit\ntag v1\ntagger A <a@x> 1 +00\n\nx\n`);
    const tagged = await push([['refs/tags/v1', ZERO, tag.hash]], [tag]);
    expect(tagged.report).toContain(`ng refs/tags/v1 tag ${tag.hash} fails git fsck: badTimezone: `);
    expect(await repo.branch('main').head()).toBe(head);
    expect((await repo.backend.refs.list('refs/tags/')).size).toBe(0);
    expect(await repo.backend.objects.has(commit.hash)).toBe(false);
  });

  it('refuses the whole push, as Git does, when any received object fails, even one no ref reaches', async () => {
    const { repo, head, push } = await served();
    const good = commitOf(rawObject('tree', ''), 'good', [head]);
    const bad = treeOf([['.git', blob]]);
    const { report } = await push([['refs/heads/main', head, good.hash], ['refs/heads/topic', ZERO, good.hash]], [good, rawObject('tree', ''), bad, blob]);
    expect(report).toContain(`ng refs/heads/main tree ${bad.hash} fails git fsck: hasDotgit`);
    expect(report).toContain(`ng refs/heads/topic tree ${bad.hash} fails git fsck: hasDotgit`);
    expect(await repo.branches()).toEqual(['main']);
    expect(await repo.branch('main').head()).toBe(head);
    expect(await repo.backend.objects.has(good.hash)).toBe(false);
  });

  it('accepts the same push once the bad object is left out', async () => {
    const { repo, head, push } = await served();
    const good = commitOf(rawObject('tree', ''), 'good', [head]);
    const { report } = await push([['refs/heads/main', head, good.hash]], [good, rawObject('tree', '')]);
    expect(report).toContain('ok refs/heads/main');
    expect(await repo.branch('main').head()).toBe(good.hash);
  });

  it('refuses real git pushes of trees with .git and ../evil over HTTP; the repository stays clean for git fsck --strict', async () => {
    const repo = await newRepo('disk');
    await repo.branch('main').set(['x'], 'v');
    const head = await repo.branch('main').head();
    const { url } = await serveForTest(repo);
    const work = join(makeTempDir(), 'clone');
    await gitOut(makeTempDir(), ['clone', '-q', url, work]);
    const file = git(work, ['hash-object', '-w', '--stdin'], 'x\n');
    const dotGit = git(work, ['mktree'], `100644 blob ${file}\t.git\n`);
    const evil = git(work, ['hash-object', '-t', 'tree', '--literally', '-w', '--stdin'], Buffer.concat([Buffer.from('100644 ../evil\0'), Buffer.from(file, 'hex')]));
    for (const [tree, id] of [[dotGit, 'hasDotgit'], [evil, 'fullPathname']] as const) {
      const commit = git(work, ['commit-tree', tree, '-p', 'HEAD', '-m', 'bad']);
      await expect(gitOut(work, ['push', 'origin', `${commit}:refs/heads/main`])).rejects.toThrow(`[remote rejected] ${commit} -> main (tree ${tree} fails git fsck: ${id}: `);
      expect(await repo.branch('main').head()).toBe(head);
      expect(await repo.backend.objects.has(tree)).toBe(false);
    }
    fsck(repo.backend.dir!);
  });
});
