/**
 * The remotes configured in a repository: for a repository on disk in its
 * Git config (`[remote "origin"] url = ...`), so `git remote -v` shows
 * them; for one in memory, in memory.
 */
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Repo } from '@grove/store';
import { SyncError } from '../errors.js';
import type { HttpOptions } from '../transport/http.js';
import { Remote } from './remote.js';

const inMemory = new WeakMap<Repo, Map<string, string>>();
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const SECTION = /^\s*\[remote\s+"([^"]*)"\]\s*$/;

async function readConfig(dir: string): Promise<string> {
  try {
    return await readFile(join(dir, 'config'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return '';
    throw error;
  }
}

async function writeConfig(dir: string, text: string): Promise<void> {
  const temp = join(dir, 'config.grove-tmp');
  await writeFile(temp, text);
  await rename(temp, join(dir, 'config'));
}

/** The remotes of `repo`: name to URL, sorted by name. */
export async function listRemotes(repo: Repo): Promise<Map<string, string>> {
  const dir = repo.backend.dir;
  if (dir === undefined) return new Map([...(inMemory.get(repo) ?? [])].sort());
  const remotes = new Map<string, string>();
  let section: string | undefined;
  for (const line of (await readConfig(dir)).split('\n')) {
    if (/^\s*\[/.test(line)) section = SECTION.exec(line)?.[1];
    const url = /^\s*url\s*=\s*(.*?)\s*$/.exec(line)?.[1];
    if (section !== undefined && url !== undefined) remotes.set(section, url);
  }
  return new Map([...remotes].sort());
}

/** Adds remote `name` at `url`. Throws `bad-request` on a bad name or one already taken. */
export async function addRemote(repo: Repo, name: string, url: string): Promise<void> {
  if (!NAME.test(name)) throw new SyncError('bad-request', `${JSON.stringify(name)} is not a remote name; use letters, digits, ".", "_" and "-"`);
  if (/[\n"\\]/.test(url) || url.trim() === '') throw new SyncError('bad-request', `${JSON.stringify(url)} is not a URL; give one such as http://127.0.0.1:8080/`);
  if ((await listRemotes(repo)).has(name)) throw new SyncError('bad-request', `remote ${name} already exists; remove it first or pick another name`);
  const dir = repo.backend.dir;
  if (dir === undefined) {
    inMemory.set(repo, (inMemory.get(repo) ?? new Map()).set(name, url));
    return;
  }
  const config = await readConfig(dir);
  const block = `[remote "${name}"]\n\turl = ${url}\n\tfetch = +refs/heads/*:refs/remotes/${name}/*\n`;
  await writeConfig(dir, `${config}${config === '' || config.endsWith('\n') ? '' : '\n'}${block}`);
}

/** Removes remote `name` and its remote-tracking refs; false when there was none. */
export async function removeRemote(repo: Repo, name: string): Promise<boolean> {
  if (!(await listRemotes(repo)).has(name)) return false;
  const dir = repo.backend.dir;
  if (dir === undefined) inMemory.get(repo)?.delete(name);
  else {
    let skipping = false;
    const kept = (await readConfig(dir)).split('\n').filter((line) => {
      if (/^\s*\[/.test(line)) skipping = SECTION.exec(line)?.[1] === name;
      return !skipping;
    });
    await writeConfig(dir, kept.join('\n'));
  }
  for (const [ref, id] of await repo.backend.refs.list(`refs/remotes/${name}/`)) await repo.moveRef(ref, id, undefined);
  return true;
}

/** The configured remote `name` over HTTP. Throws `not-found` when there is none. */
export async function getRemote(repo: Repo, name: string, options: HttpOptions = {}): Promise<Remote> {
  const url = (await listRemotes(repo)).get(name);
  if (url === undefined) throw new SyncError('not-found', `no remote ${JSON.stringify(name)}; add one with addRemote (grove remote add ${name} URL)`);
  return Remote.http(name, url, options);
}
