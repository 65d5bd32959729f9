import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { callerDirectory } from './io.js';
import { grove, Lines, newRepo, tempDir } from './testing/harness.js';

const exec = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const GIT_ENV = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/** `git -C dir ...args` with no user or system configuration. */
async function git(dir: string, ...args: string[]): Promise<string> {
  return (await exec('git', ['-C', dir, ...args], { env: GIT_ENV })).stdout;
}

describe('the grove executable', () => {
  it('runs as `pnpm grove` does (tsx, source condition), exits with the code, and stops watch on SIGINT', async () => {
    const repo = join(tempDir(), 'r');
    const main = ['--import', 'tsx', '--conditions=@grove/source', 'packages/cli/src/main.ts'];
    const groveProcess = (...argv: string[]) => exec(process.execPath, [...main, ...argv, '--repo', repo], { cwd: ROOT });
    const refused = await groveProcess('get', 'docs/readme').catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: 2, stdout: '', stderr: `grove: no repository at ${repo}; create one with grove init ${repo}, or pass --repo DIR\n` });
    expect(await exec(process.execPath, [...main, 'init', repo], { cwd: ROOT })).toEqual({ stdout: `${repo}\n`, stderr: '' });

    const watch = spawn(process.execPath, [...main, 'watch', '--interval', '20', '--repo', repo], { cwd: ROOT });
    onTestFinished(() => {
      watch.kill();
    });
    const [out, err] = [new Lines(), new Lines()];
    for (const [stream, lines] of [[watch.stdout, out], [watch.stderr, err]] as const) {
      createInterface({ input: stream }).on('line', (line) => lines.push(line));
    }
    const exit = new Promise((resolve) => watch.on('exit', (code, signal) => resolve({ code, signal })));
    await err.waitFor(/^grove: watching main from 0{40}; press Ctrl-C to stop$/);
    const head = (await groveProcess('set', 'docs/readme', 'hello from a process')).stdout.trim();
    expect(await out.waitFor(/docs\/readme/)).toBe(`${'0'.repeat(40)}..${head} added docs/readme`);
    watch.kill('SIGINT');
    expect(await exit).toEqual({ code: 0, signal: null });

    expect(await groveProcess('get', 'docs/readme')).toEqual({ stdout: 'hello from a process\n', stderr: '' });
  });
});

describe('what grove writes is a Git repository', () => {
  it('passes git fsck --strict, and git log shows the author and message', async () => {
    const dir = await newRepo();
    await grove(dir, 'set', 'docs/readme', 'hello', '-m', 'write the readme', '--author', 'Ada Lovelace <ada@example.com>');
    await grove(dir, 'set', 'hits', '3', '--type', 'counter', '-m', 'count', '--author', 'Bob <bob@example.com>');
    await grove(dir, 'branch', 'dev');
    await grove(dir, 'set', 'hits', '5', '--type', 'counter', '--branch', 'dev');
    await grove(dir, 'set', 'docs/readme', 'hello, world');
    expect((await grove(dir, 'merge', 'dev', '-m', 'merge dev', '--author', 'Ada Lovelace <ada@example.com>')).code).toBe(0);
    await git(dir, 'fsck', '--strict');
    expect(await git(dir, 'log', '--format=%an%x09%s', 'main')).toBe(
      ['Ada Lovelace\tmerge dev', 'Grove\tset docs/readme', 'Grove\tset hits', 'Bob\tcount', 'Ada Lovelace\twrite the readme', ''].join('\n'),
    );
    expect(await git(dir, 'show', 'main:docs/readme')).toBe('hello, world');
  });
});

describe('where grove runs', () => {
  it('resolves a relative --repo against the caller\'s directory when run as `pnpm grove` (INIT_CWD), and prints its version', async () => {
    const caller = tempDir();
    const main = ['--import', 'tsx', '--conditions=@grove/source', 'packages/cli/src/main.ts'];
    // pnpm runs the root script in the monorepo root and names the caller's directory in INIT_CWD.
    const env = { ...process.env, INIT_CWD: caller, npm_lifecycle_event: 'grove' };
    expect(await exec(process.execPath, [...main, 'init', 'rel'], { cwd: ROOT, env })).toEqual({ stdout: `${join(caller, 'rel')}\n`, stderr: '' });
    await exec(process.execPath, [...main, 'set', 'a', 'b', '--repo', 'rel'], { cwd: ROOT, env });
    expect((await exec(process.execPath, [...main, 'get', 'a', '--repo', join('..', basename(caller), 'rel')], { cwd: ROOT, env })).stdout).toBe('b\n');
    const { version } = JSON.parse(readFileSync(join(ROOT, 'packages/cli/package.json'), 'utf8')) as { version: string };
    expect(await exec(process.execPath, [...main, '--version'], { cwd: ROOT, env })).toEqual({ stdout: `grove ${version}\n`, stderr: '' });
  });

  it('callerDirectory takes INIT_CWD only under the grove script', () => {
    expect(callerDirectory({ INIT_CWD: '/caller', npm_lifecycle_event: 'grove' }, '/root')).toBe('/caller');
    expect(callerDirectory({ INIT_CWD: '/caller', npm_lifecycle_event: 'test' }, '/root')).toBe('/root');
    expect(callerDirectory({}, '/here')).toBe('/here');
  });
});

