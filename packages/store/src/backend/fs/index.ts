/**
 * `openGitBackend`: a Backend over a Git repository on disk, ordinary
 * (`dir/.git`) or bare, created bare when the directory is new or empty.
 */
import type { Stats } from 'node:fs';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { StoreError } from '../../errors.js';
import type { Backend } from '../backend.js';
import { errorCode, isAbsent, readIfPresent } from './fs-util.js';
import { GitObjects } from './git-objects.js';
import { GitRefs } from './git-refs.js';

/** What `git init --bare` writes that Git needs to recognize and use the repository. */
const BARE_CONFIG = '[core]\n\trepositoryformatversion = 0\n\tfilemode = true\n\tbare = true\n';
const INITIAL_HEAD = 'ref: refs/heads/main\n';
const BARE_DIRS = ['objects/info', 'objects/pack', 'refs/heads', 'refs/tags'];

/**
 * Opens the Git repository at `dir`: its `.git` directory when there is one,
 * else `dir` itself when it is a bare repository, else (unless `create` is
 * false) a new bare repository when `dir` is missing or empty. Throws
 * `not-a-repository` otherwise. The backend's `dir` is the Git directory.
 *
 * @param options.create - create a bare repository in a missing or empty `dir` (default true)
 */
export async function openGitBackend(dir: string, options: { create?: boolean } = {}): Promise<Backend> {
  const root = resolve(dir);
  const dotGit = join(root, '.git');
  const gitDir = (await isGitDir(dotGit)) ? dotGit
    : (await isGitDir(root)) ? root
    : options.create !== false && (await isEmptyOrMissing(root)) ? await initBare(root)
    : undefined;
  if (gitDir === undefined) {
    const hint = options.create === false ? '' : ', or an empty or new directory to create one in';
    throw new StoreError('not-a-repository', `${root} is not a Git repository; pass a repository (with .git, or a bare one)${hint}`, { dir: root });
  }
  await checkFormat(gitDir);
  return { objects: new GitObjects(join(gitDir, 'objects')), refs: new GitRefs(gitDir), dir: gitDir };
}

/** Git's own test: a `HEAD` file and `objects/` and `refs/` directories. */
async function isGitDir(dir: string): Promise<boolean> {
  const [head, objects, refs] = await Promise.all(['HEAD', 'objects', 'refs'].map((name) => statOrUndefined(join(dir, name))));
  return head?.isFile() === true && objects?.isDirectory() === true && refs?.isDirectory() === true;
}

/** Refuses repositories whose objects or refs are stored differently (SHA-256 ids, reftable). */
async function checkFormat(gitDir: string): Promise<void> {
  const config = (await readIfPresent(join(gitDir, 'config')))?.toString('utf8') ?? '';
  const setting = (key: string) => new RegExp(`^\\s*${key}\\s*=\\s*(\\S+)`, 'im').exec(config)?.[1]?.toLowerCase();
  const objects = setting('objectformat') ?? 'sha1';
  const refs = setting('refstorage') ?? 'files';
  if (objects !== 'sha1' || refs !== 'files') {
    throw new StoreError(
      'not-a-repository',
      `${gitDir} stores ${objects} object ids and ${refs} refs; Grove reads SHA-1 repositories with files refs, so use one of those (\`git init\` makes one)`,
      { dir: gitDir },
    );
  }
}

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return true;
    if (isAbsent(error)) return false; // a file, not a directory
    throw error;
  }
}

/** Creates a bare repository Git accepts; `HEAD` last, so a half-created one is never taken for a repository. */
async function initBare(dir: string): Promise<string> {
  await Promise.all(BARE_DIRS.map((sub) => mkdir(join(dir, sub), { recursive: true })));
  await writeFile(join(dir, 'config'), BARE_CONFIG);
  await writeFile(join(dir, 'HEAD'), INITIAL_HEAD);
  return dir;
}

async function statOrUndefined(path: string): Promise<Stats | undefined> {
  try {
    return await stat(path);
  } catch (error) {
    if (isAbsent(error)) return undefined;
    throw error;
  }
}
