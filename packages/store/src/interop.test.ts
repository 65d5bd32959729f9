/** Git interoperability, both directions, with the real `git` on real directories. */
import { execFile, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { counter } from '@grove/merge';
import { afterEach, describe, expect, it } from 'vitest';
import { Repo } from './index.js';
import { GIT_ENV as env, git as gitRun, makeTempDir as tempDir, removeTempDirs } from './testing/git-fixture.js';

const git = (cwd: string, ...args: string[]) => gitRun(cwd, args).trim();
const gitAsync = promisify(execFile);
afterEach(removeTempDirs);

function clock() {
  let now = 1_700_000_000_000;
  return () => (now += 60_000);
}

describe('Grove writes, git reads', () => {
  it('passes git fsck --strict, and git log shows authors and messages', async () => {
    const dir = tempDir();
    const repo = await Repo.open(dir, { clock: clock(), author: { name: 'Ada', email: 'ada@example.com' } });
    const main = repo.branch('main');
    await main.set(['docs', 'readme'], 'hello\n', { message: 'add readme' });
    await main.set(['stats', 'views'], 3n, { type: counter, author: { name: 'Bob', email: 'bob@example.com' }, message: 'count' });
    const feature = await main.fork('feature');
    await feature.set(['docs', 'readme'], 'hello, world\n');
    await main.set(['stats', 'views'], 4n, { type: counter });
    expect((await main.merge(feature)).kind).toBe('merged');
    git(dir, 'fsck', '--strict', '--no-dangling');
    expect(git(dir, 'log', '--format=%an <%ae>|%s', '--reverse', 'main').split('\n')).toEqual([
      'Ada <ada@example.com>|add readme',
      'Bob <bob@example.com>|count',
      'Ada <ada@example.com>|set docs/readme',
      'Ada <ada@example.com>|set stats/views',
      'Ada <ada@example.com>|merge feature into main',
    ]);
    expect(git(dir, 'show', 'main:docs/readme')).toBe('hello, world');
    expect(git(dir, 'show', 'main:stats/views')).toBe('#!grove grove/counter@1\n4');
  });

  it('gives files with the values on git checkout', async () => {
    const dir = tempDir();
    const repo = await Repo.open(dir, { clock: clock() });
    const commit = await repo.branch('main').update(async (tx) => {
      await tx.set(['a.txt'], 'alpha\n');
      await tx.set(['nested', 'b.txt'], 'beta\n');
    });
    const work = tempDir();
    git(work, 'clone', '-q', dir, '.');
    git(work, 'checkout', '-q', commit!.hash);
    expect(readFileSync(join(work, 'a.txt'), 'utf8')).toBe('alpha\n');
    expect(readFileSync(join(work, 'nested', 'b.txt'), 'utf8')).toBe('beta\n');
  });

  it('lets git bisect run find the commit where a value changed', async () => {
    const dir = tempDir();
    const repo = await Repo.open(dir, { clock: clock() });
    const main = repo.branch('main');
    let culprit = '';
    for (let i = 0; i < 24; i++) {
      const c = await main.update(async (tx) => {
        await tx.set(['log', `${i}`], `event ${i}`);
        if (i === 15) await tx.set(['status'], 'broken');
        else if (i === 0) await tx.set(['status'], 'ok');
      });
      if (i === 15) culprit = c!.hash;
    }
    const work = tempDir();
    git(work, 'clone', '-q', dir, '.');
    const first = git(work, 'rev-list', '--max-parents=0', 'HEAD');
    git(work, 'bisect', 'start', 'HEAD', first);
    const out = git(work, 'bisect', 'run', 'sh', '-c', 'test "$(cat status)" = ok');
    expect(out).toContain(`${culprit} is the first bad commit`);
  });
});

describe('git writes, Grove reads', () => {
  it('reads commits made by git, and still reads everything after git gc', async () => {
    const work = tempDir();
    git(work, 'init', '-q', '-b', 'main');
    for (let i = 0; i < 5; i++) {
      execFileSync('sh', ['-c', `mkdir -p d && printf 'v${i}\\n%.0s' $(seq 1 200) > d/file && git add -A && git commit -q -m "git commit ${i}"`], { cwd: work, env });
    }
    const repo = await Repo.open(work);
    const main = repo.branch('main');
    const expected = git(work, 'show', 'main:d/file') + '\n';
    expect(await main.get(['d', 'file'])).toBe(expected);
    const messages = [];
    for await (const c of main.log()) messages.push(`${c.author.name}|${c.message.trim()}`);
    expect(messages).toEqual([4, 3, 2, 1, 0].map((i) => `Tester|git commit ${i}`));

    await main.set(['grove'], 'written by grove');
    git(work, 'gc', '-q', '--aggressive', '--prune=now');
    expect(git(work, 'count-objects', '-v')).toMatch(/^count: 0$/m);
    const reopened = await Repo.open(work);
    const again = reopened.branch('main');
    expect(await again.get(['d', 'file'])).toBe(expected);
    expect(await again.get(['grove'])).toBe('written by grove');
    let n = 0;
    for await (const c of again.log()) {
      await reopened.diff(c.parents[0], c.hash);
      n++;
    }
    expect(n).toBe(6);
    await again.set(['after-gc'], 'still writes');
    git(work, 'fsck', '--strict', '--no-dangling');
  });
});

describe('values edited by ordinary tools', () => {
  it('reads a counter an editor saved with a trailing newline, and the next write is canonical again', async () => {
    const dir = tempDir();
    await (await Repo.open(dir, { clock: clock() })).branch('main').set(['views'], 3n, { type: counter });
    const work = tempDir();
    git(work, 'clone', '-q', dir, '.');
    const edit = (text: string) =>
      execFileSync('sh', ['-c', `git pull -q origin main && printf '${text}' > views && git commit -qam edit && git push -q origin HEAD:main`], { cwd: work, env });
    edit('#!grove grove/counter@1\\n15\\n');
    const main = (await Repo.open(dir, { clock: clock() })).branch('main');
    expect(await main.get(['views'], counter)).toBe(15n);
    await main.set(['views'], 16n, { type: counter });
    expect(git(dir, 'show', 'main:views')).toBe('#!grove grove/counter@1\n16');
    edit('#!grove grove/counter@1\\nseven\\n');
    const bad = git(work, 'rev-parse', 'HEAD');
    await expect((await Repo.open(dir)).branch('main').get(['views'], counter)).rejects.toMatchObject({
      code: 'corrupt-object',
      message: expect.stringMatching(new RegExp(`^views at commit ${bad} \\([0-9a-f]{40}\\) is not a valid grove/counter@1: .*expected a decimal integer such as -12`)),
    });
  });
});

describe('concurrent writers on one repository', () => {
  it('loses no update between two Repo instances and git committing meanwhile', async () => {
    const dir = tempDir();
    const a = await Repo.open(dir);
    await a.branch('main').set(['n'], 0n, { type: counter });
    const b = await Repo.open(dir);
    const bump = (repo: Repo) => repo.branch('main').update(async (tx) => tx.set(['n'], (await tx.get(['n'], counter))! + 1n, counter));
    const gitCommit = (i: number) => `set -e
      old=$(git rev-parse main)
      export GIT_INDEX_FILE="$PWD/index-${i}"
      git read-tree "$old"
      blob=$(printf g${i} | git hash-object -w --stdin)
      git update-index --add --cacheinfo "100644,$blob,git-${i}"
      tree=$(git write-tree)
      rm -f "$GIT_INDEX_FILE"
      git update-ref refs/heads/main "$(git commit-tree "$tree" -p "$old" -m "git ${i}")" "$old"`;
    const gitWriter = async () => {
      for (let i = 0; i < 10; ) {
        try {
          await gitAsync('sh', ['-c', gitCommit(i)], { cwd: dir, env });
          i++;
        } catch {
          // Lost the race to a Grove writer (update-ref saw another head, or the lock was held): retry.
        }
      }
    };
    const grove = async (repo: Repo) => {
      for (let i = 0; i < 15; i++) await bump(repo);
    };
    await Promise.all([grove(a), grove(b), gitWriter()]);
    const main = (await Repo.open(dir)).branch('main');
    expect(await main.get(['n'], counter)).toBe(30n);
    for (let i = 0; i < 10; i++) expect(await main.get([`git-${i}`])).toBe(`g${i}`);
    git(dir, 'fsck', '--strict', '--no-dangling');
  });
});
