import { execFileSync } from 'node:child_process';
import { existsSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grove, newRepo, tempDir } from '../testing/harness.js';

const HOUR = 60 * 60 * 1000;

/** Runs `git` in the bare repository `dir`, returning its output without the final newline. */
function git(dir: string, args: readonly string[], input?: string): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'T', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 'T', GIT_COMMITTER_EMAIL: 't@t' };
  return execFileSync('git', ['-C', dir, ...args], { input, encoding: 'utf8', env }).trimEnd();
}

/** Points `branch` at a new commit whose tree holds one blob `name` with `content`, made with Git's own plumbing. */
function commitBlob(dir: string, branch: string, name: string, content: string): string {
  const blob = git(dir, ['hash-object', '-w', '--stdin'], content);
  const tree = git(dir, ['mktree'], `100644 blob ${blob}\t${name}\n`);
  const commit = git(dir, ['commit-tree', tree, '-m', 'by hand']);
  git(dir, ['update-ref', `refs/heads/${branch}`, commit]);
  return blob;
}

/** A lock file at `file` in `dir`, last written `ageMs` ago. */
function lock(dir: string, file: string, ageMs: number): void {
  const path = join(dir, file);
  writeFileSync(path, '');
  const when = new Date(Date.now() - ageMs);
  utimesSync(path, when, when);
}

describe('grove fsck', () => {
  it('exits 0 and prints nothing for a clean repository', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'docs/readme', 'hello');
    await grove(dir, 'set', 'hits', '7', '--type', 'counter');
    await grove(dir, 'set', 'votes', '{"ada":2}', '--type', 'map<counter>');
    await grove(dir, 'branch', 'draft');
    await grove(dir, 'set', 'docs/readme', 'draft text', '--branch', 'draft');
    expect(await grove(dir, 'fsck')).toEqual({ code: 0, out: [], err: [] });
    expect(JSON.parse((await grove(dir, 'fsck', '--json')).out[0]!)).toEqual({ findings: [], removedLocks: [], complete: true });
  });

  it('exits 1 for a branch that points at a missing commit, and still checks the other branches', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'hits', '7', '--type', 'counter');
    const missing = '1'.repeat(40);
    writeFileSync(join(dir, 'refs/heads/broken'), `${missing}\n`);
    commitBlob(dir, 'bad', 'hits', '#!grove grove/counter@1\nseven');
    const { code, out } = await grove(dir, 'fsck');
    expect(code).toBe(1);
    expect(out).toHaveLength(2);
    expect(out[1]).toMatch(new RegExp(`^corrupt-value bad:hits: hits at commit [0-9a-f]{40} \\([0-9a-f]{40}\\) is not a valid grove/counter@1`));
    expect(out[0]).toMatch(new RegExp(`^missing-object broken: branch broken points at commit ${missing}, which does not read back: no object ${missing}`));
  });

  it('reports a corrupt ref file as corrupt-ref instead of failing', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'hits', '7', '--type', 'counter');
    writeFileSync(join(dir, 'refs/heads/garbage'), 'not a hash\n');
    const { code, out } = await grove(dir, 'fsck');
    expect(code).toBe(1);
    expect(out).toEqual([expect.stringMatching(/^corrupt-ref garbage: ref file .*garbage holds neither an object id/)]);
  });

  it('exits 1 for a value blob its type cannot decode, written with git hash-object and git commit-tree', async () => {
    const dir = await newRepo();
    const blob = commitBlob(dir, 'main', 'hits', '#!grove grove/counter@1\nnot a number');
    const { code, out } = await grove(dir, 'fsck', '--json');
    expect(code).toBe(1);
    expect(JSON.parse(out[0]!).findings).toEqual([{ kind: 'corrupt-value', ref: 'main', path: 'hits', hash: blob, message: expect.stringContaining('is not a valid grove/counter@1') }]);
  });

  it('reports a value of a type it does not know as unknown-type', async () => {
    const dir = await newRepo();
    commitBlob(dir, 'main', 'p', '#!grove app/point@1\n1,2');
    const { code, out } = await grove(dir, 'fsck');
    expect(code).toBe(1);
    expect(out).toEqual([expect.stringMatching(/^unknown-type main:p: p at commit [0-9a-f]{40} holds a app\/point@1, a type this process does not know/)]);
  });

  it("reports an editor's trailing newline after an integer as non-canonical but readable", async () => {
    const dir = await newRepo();
    const blob = commitBlob(dir, 'main', 'hits', '#!grove grove/counter@1\n7\n');
    expect((await grove(dir, 'get', 'hits')).out).toEqual(['7']);
    const { code, out } = await grove(dir, 'fsck');
    expect(code).toBe(1);
    expect(out).toEqual([
      `non-canonical main:hits: hits on branch main (${blob}) ends with a newline after its value (an editor adds one); it reads back, but Grove writes it without one; write the value again (grove set) to store it canonically`,
    ]);
    await grove(dir, 'set', 'hits', '7', '--type', 'counter');
    expect((await grove(dir, 'fsck')).code).toBe(0);
  });

  it('exits 1 for a lock file left under refs/, naming it and its age', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'hits', '7', '--type', 'counter');
    lock(dir, 'refs/heads/main.lock', HOUR);
    const { code, out } = await grove(dir, 'fsck', '--json');
    expect(code).toBe(1);
    const [finding] = JSON.parse(out[0]!).findings;
    expect(finding).toMatchObject({ kind: 'lock', file: 'refs/heads/main.lock' });
    expect(finding.ageMs).toBeGreaterThanOrEqual(HOUR);
    expect(finding.ageMs).toBeLessThan(HOUR + 60_000);
  });

  it('--fix-locks deletes the stale locks only, and says which', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'hits', '7', '--type', 'counter');
    lock(dir, 'refs/heads/main.lock', HOUR);
    lock(dir, 'packed-refs.lock', 11 * 60 * 1000);
    lock(dir, 'refs/heads/live.lock', 0);
    const { code, out } = await grove(dir, 'fsck', '--fix-locks');
    expect(code).toBe(1);
    expect(out).toEqual([
      expect.stringMatching(/^removed packed-refs\.lock \(\d+ ms old\)$/),
      expect.stringMatching(/^removed refs\/heads\/main\.lock \(\d+ ms old\)$/),
      expect.stringMatching(/^lock refs\/heads\/live\.lock: lock file refs\/heads\/live\.lock is \d+ ms old/),
    ]);
    expect([existsSync(join(dir, 'refs/heads/main.lock')), existsSync(join(dir, 'packed-refs.lock')), existsSync(join(dir, 'refs/heads/live.lock'))]).toEqual([false, false, true]);
  });

  it('--lock-age sets how old a lock must be to go, and needs --fix-locks', async () => {
    const dir = await newRepo();
    lock(dir, 'refs/heads/main.lock', 5 * 60 * 1000);
    expect((await grove(dir, 'fsck', '--fix-locks')).code).toBe(1);
    expect((await grove(dir, 'fsck', '--lock-age', '60000')).code).toBe(2);
    expect(await grove(dir, 'fsck', '--fix-locks', '--lock-age', '60000')).toEqual({ code: 0, out: [expect.stringMatching(/^removed refs\/heads\/main\.lock/)], err: [] });
  });

  it('exits 2 for a directory that is not a repository', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'hi');
    const { code, out, err } = await grove(dir, 'fsck');
    expect({ code, out }).toEqual({ code: 2, out: [] });
    expect(err).toEqual([expect.stringContaining('is not a Git repository')]);
  });
});
