/**
 * Types travel with the data: every built-in type and composites of them,
 * written by this process, are edited, read and merged by other processes
 * (a script, the grove CLI, grove serve's REST merge) that are handed no
 * type, each result equal to an in-memory oracle; a repository written by
 * the previous tag format merges as it did then.
 */
import { execFile, spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Repo } from '@grove/store';
import { describe, expect, it, onTestFinished } from 'vitest';
import { readAll, score, writeBase, writeEdits } from './testing/every-type.js';
import { tempDir } from './testing/harness.js';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const TSX = ['--import', 'tsx', '--conditions=@grove/source'];
const CHILD = 'packages/cli/src/testing/every-type-child.ts';
const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

async function child(...args: string[]): Promise<any> {
  const { stdout } = await exec(process.execPath, [...TSX, CHILD, ...args], { cwd: ROOT });
  return stdout === '' ? undefined : JSON.parse(stdout);
}

function grove(...args: string[]) {
  return exec(process.execPath, [...TSX, 'packages/cli/src/main.ts', ...args], { cwd: ROOT });
}

/** What the merge gives when one process holds every type: the oracle. */
async function oracle(): Promise<Record<string, unknown>> {
  const repo = Repo.memory();
  const main = repo.branch('main');
  await writeBase(main);
  const draft = await main.fork('draft');
  await writeEdits(draft, 'draft');
  await writeEdits(main, 'main');
  expect((await main.merge(draft)).kind).toBe('merged');
  return readAll(repo);
}

/** A repository on disk: the base and main's edits by this process, draft's edits by another. */
async function diverged(): Promise<string> {
  const dir = join(tempDir(), 'repo');
  const main = (await Repo.open(dir)).branch('main');
  await writeBase(main);
  await child('edit', dir);
  await writeEdits(main, 'main');
  return dir;
}

/** A copy of the repository `dir`, to merge it again another way. */
function copy(dir: string): string {
  const to = join(tempDir(), 'copy');
  cpSync(dir, to, { recursive: true });
  return to;
}

describe('types across processes', () => {
  it('a fresh process reads, edits and merges every built-in type with no type handed to it', async () => {
    const [want, dir] = await Promise.all([oracle(), diverged()]);
    expect(Object.keys(want)).toHaveLength(15);
    const merged = await child('merge', dir);
    expect(merged).toEqual({ outcome: 'merged', values: want });
    expect((await exec('git', ['-C', dir, 'fsck', '--strict', '--no-dangling'], { env: GIT_ENV })).stderr).toBe('');
  }, 15_000);

  it('grove merge and grove serve\'s REST merge give the same values', async () => {
    const [want, dir] = await Promise.all([oracle(), diverged()]);
    const viaCli = copy(dir);
    await grove('merge', 'draft', '--repo', viaCli);
    expect(await child('read', viaCli, 'main')).toEqual(want);

    const server = spawn(process.execPath, [...TSX, 'packages/cli/src/main.ts', 'serve', '--repo', dir, '--port', '0'], { cwd: ROOT });
    const stopped = new Promise((resolve) => server.once('exit', resolve));
    onTestFinished(async () => {
      server.kill('SIGINT');
      await stopped;
    });
    const url = await new Promise<string>((resolve) => {
      let seen = '';
      const look = (chunk: Buffer) => {
        seen += chunk.toString();
        const found = /http:\/\/127\.0\.0\.1:\d+/.exec(seen);
        if (found !== null) resolve(found[0]);
      };
      server.stdout.on('data', look);
      server.stderr.on('data', look);
    });
    const response = await fetch(`${url}/api/branches/main/merge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ from: 'draft' }) });
    expect(response.status).toBe(200);
    expect(await child('read', dir, 'main')).toEqual(want);
  }, 15_000);

  it('a registered user type is read and merged in another process; unregistered, it is a typed error and a conflict', async () => {
    const dir = join(tempDir(), 'repo');
    const repo = await Repo.open(dir, { types: [score] });
    const main = repo.branch('main');
    await main.set(['score'], '1', { type: score });
    const draft = await main.fork('draft');
    await main.set(['score'], '2', { type: score });
    await draft.set(['score'], '2', { type: score, message: 'the same value, in another commit' });
    const unregistered = await child('custom', copy(dir));
    expect(unregistered.read).toMatchObject({ code: 'unknown-type' });
    expect(unregistered.read.message).toMatch(/^score at commit [0-9a-f]{40} holds a app\/score@1, a type this process does not know \(no type is registered for app\/score@1\); import the package that defines it, or register it: Repo\.open\(dir, \{ types: \[yourType\] \}\)/);
    expect(unregistered.outcome).toEqual([{ kind: 'unknown-type', message: expect.stringContaining('holds a app/score@1, a type this process does not know') }]);
    expect(await child('custom', dir, 'register')).toEqual({ read: { value: '2' }, outcome: 'merged' });
  }, 15_000);

  it('a repository written by the previous tag format merges as it merged then', async () => {
    const dir = join(tempDir(), 'legacy');
    const bundle = fileURLToPath(new URL('testing/fixtures/legacy-2026-12.bundle', import.meta.url));
    await exec('git', ['clone', '-q', '--bare', bundle, dir], { env: GIT_ENV });
    const expected = await child('read', dir, 'expected');
    expect(Object.keys(expected)).toHaveLength(15);
    expect(await child('merge', dir)).toEqual({ outcome: 'merged', values: expected });
  }, 15_000);
});
