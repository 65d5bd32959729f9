/**
 * Test support, not shipped: a Grove server on a free port that stops when
 * the running test finishes, and git run in an isolated environment.
 */
import { Repo, type RepoOptions } from '@grove/store';
import { git, GIT_ENV, makeTempDir } from '@grove/store/testing';
import { spawn } from 'node:child_process';
import { onTestFinished } from 'vitest';
import { serve, type ListenOptions, type RunningServer } from '../server/http-server.js';

/** Serves `repo` until the running test finishes. */
export async function serveForTest(repo: Repo, options: ListenOptions = {}): Promise<RunningServer> {
  const running = await serve(repo, options);
  onTestFinished(() => running.close());
  return running;
}

/** A repository in memory, or a new bare Git repository on disk. */
export async function newRepo(kind: 'memory' | 'disk', options: RepoOptions = {}): Promise<Repo> {
  return kind === 'memory' ? Repo.memory(options) : Repo.open(makeTempDir(), options);
}

/** A fixed clock that advances one second per call, so commits are deterministic. */
export function steppingClock(start = 1_700_000_000_000): () => number {
  let now = start;
  return () => (now += 1000);
}

/** Runs `git fsck --strict` in `dir`; throws with git's output on any complaint. */
export function fsck(dir: string): void {
  git(dir, ['fsck', '--strict', '--no-dangling']);
}

/** Runs git in `cwd` without blocking the event loop (needed when it talks to a server in this process); resolves to stdout. */
export function gitOut(cwd: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd, env: GIT_ENV });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject).on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8').replace(/\n$/, ''));
      else reject(new Error(`git ${args.join(' ')} failed (${code}): ${Buffer.concat(err).toString('utf8')}`));
    });
  });
}
