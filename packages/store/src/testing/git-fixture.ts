/**
 * Test support for the Git backend (imported by tests only): real `git`
 * isolated from the machine's configuration, throwaway directories, and
 * hand-built objects.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMPTY_TREE, hashObject, type Hash, type ObjectType } from '../objects/hash.js';
import type { RawObject } from '../objects/raw.js';

/** The environment every test runs git with: no user or system config, a fixed identity. */
export const GIT_ENV: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('GIT_'))),
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Tester',
  GIT_AUTHOR_EMAIL: 'tester@example.com',
  GIT_COMMITTER_NAME: 'Tester',
  GIT_COMMITTER_EMAIL: 'tester@example.com',
};

/** Runs git in `cwd`; returns stdout as bytes; throws (with git's stderr) on a non-zero exit. */
export function gitBytes(cwd: string, args: readonly string[], input?: string | Buffer): Buffer {
  const result = spawnSync('git', args, { cwd, env: GIT_ENV, input: input ?? '', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed (${result.status}): ${String(result.stdout)}${String(result.stderr)}${String(result.error ?? '')}`);
  return result.stdout;
}

/** Runs git in `cwd`; returns stdout as text without the final newline. */
export function git(cwd: string, args: readonly string[], input?: string | Buffer): string {
  return gitBytes(cwd, args, input).toString('utf8').replace(/\n$/, '');
}

/** Runs git in `cwd` without blocking (for races against git); resolves to its exit code. */
export function gitAsync(cwd: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    spawn('git', args, { cwd, env: GIT_ENV, stdio: 'ignore' }).on('error', reject).on('close', (code) => resolve(code ?? -1));
  });
}

/** Makes `count` distinct commits of the empty tree with git in the repository `gitDir` (which gets the tree stored). */
export function makeCommits(gitDir: string, count: number): Hash[] {
  git(gitDir, ['mktree'], '');
  return Array.from({ length: count }, (_, i) => git(gitDir, ['commit-tree', EMPTY_TREE, '-m', `commit ${i}`]));
}

const created: string[] = [];

/** A new empty directory under the OS temp directory; `removeTempDirs` deletes it. */
export function makeTempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'grove-git-'));
  created.push(dir);
  return dir;
}

/** Deletes every directory `makeTempDir` made (use in `afterEach`). */
export function removeTempDirs(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/** An object with its id computed. */
export function rawObject(type: ObjectType, payload: string | Buffer): RawObject {
  const bytes = typeof payload === 'string' ? Buffer.from(payload) : payload;
  return { hash: hashObject(type, bytes), type, payload: bytes };
}

/** A tree whose entries (given in Git's order) are files. */
export function treeOf(entries: readonly (readonly [name: string, blob: RawObject])[]): RawObject {
  return rawObject('tree', Buffer.concat(entries.flatMap(([name, blob]) => [Buffer.from(`100644 ${name}\0`), Buffer.from(blob.hash, 'hex')])));
}

/** A commit of `tree` with optional parents. */
export function commitOf(tree: RawObject, message: string, parents: readonly string[] = []): RawObject {
  const parentLines = parents.map((p) => `parent ${p}\n`).join('');
  return rawObject('commit', `tree ${tree.hash}\n${parentLines}author A <a@x> 1 +0000\ncommitter A <a@x> 1 +0000\n\n${message}\n`);
}
