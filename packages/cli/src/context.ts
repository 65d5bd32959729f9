/**
 * What a command runs with: the io, its words and options, and helpers to
 * reach the repository and branch they name, failing with messages that
 * say what to do.
 */
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parsePath, Repo, type Branch, type CommitOptions, type Hash, type Path, type RepoOptions } from '@grove/store';
import type { Options } from './args.js';
import { parseAuthor } from './author.js';
import { CliError } from './exit.js';
import type { Io } from './io.js';

/** One command's run: the io, its positional words (after the command name) and the options. */
export interface Context {
  readonly io: Io;
  readonly args: readonly string[];
  readonly options: Options;
}

/** The repository directory: `dir` (default `--repo`, else the working directory), absolute. */
export function repoDir(ctx: Context, dir = ctx.options.repo): string {
  return resolve(ctx.io.cwd, dir ?? '.');
}

function repoOptions(ctx: Context): RepoOptions {
  const { author } = ctx.options;
  if (author !== undefined) return { author: parseAuthor(author, '--author') };
  const fromEnv = ctx.io.env?.['GROVE_AUTHOR'];
  return fromEnv === undefined ? {} : { author: parseAuthor(fromEnv, 'GROVE_AUTHOR') };
}

async function isMissingOrEmpty(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    const { code } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') return true;
    if (code === 'ENOTDIR') return false; // a file: Repo.open says it is not a repository
    throw error;
  }
}

/**
 * Opens the repository `--repo` names, which must exist: unlike
 * `Repo.open`, never creates one in a missing or empty directory.
 */
export async function openRepo(ctx: Context): Promise<Repo> {
  const dir = repoDir(ctx);
  if (await isMissingOrEmpty(dir)) throw new CliError(`no repository at ${dir}; create one with grove init ${dir}, or pass --repo DIR`);
  return Repo.open(dir, { ...repoOptions(ctx), create: false });
}

/** The branch `--branch` names (default `main`). Throws `invalid-ref` on a bad name. */
export function currentBranch(ctx: Context, repo: Repo): Branch {
  return repo.branch(ctx.options.branch ?? 'main');
}

/** The head of `branch`; a `CliError` when it has no commit yet. */
export async function requireHead(branch: Branch): Promise<Hash> {
  const head = await branch.head();
  if (head === undefined) throw new CliError(`branch ${branch.name} has no commits; list branches with grove branches, or write one with grove set`);
  return head;
}

/** Commit options from `-m`. */
export function commitOptions(ctx: Context): CommitOptions {
  const { message } = ctx.options;
  return message === undefined ? {} : { message };
}

/** A path that names a value, not the root: `docs/readme`. Throws `invalid-path` or `CliError`. */
export function valuePath(text: string): Path {
  const path = parsePath(text);
  if (path.length === 0) throw new CliError(`${JSON.stringify(text)} names the root, not a value; give a path such as docs/readme`);
  return path;
}
