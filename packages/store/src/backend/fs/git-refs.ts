/**
 * The refs of a Git repository: loose files under `refs/` (winning) over
 * `packed-refs`, moved with Git's lock protocol so Git may run alongside.
 */
import { readdir, rmdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { StoreError } from '../../errors.js';
import { isHash, type Hash } from '../../objects/hash.js';
import type { RefStore } from '../backend.js';
import { errorCode, forEachLimited, ioError, isAbsent, readIfPresent } from './fs-util.js';
import { checkRefName, checkRefPrefix, isRefName, parsePackedRefs, removePackedRef } from './ref-format.js';
import { LockFile, SYSTEM_CLOCK, type Clock } from './ref-lock.js';

/** Git follows at most 5 levels of `ref: ` indirection. */
const MAX_SYMREF_DEPTH = 5;
/** Errors meaning a file stands where a directory is needed, or the reverse. */
const PATH_CONFLICTS = new Set(['ENOTDIR', 'EEXIST', 'EISDIR', 'ENOTEMPTY']);

type Loose = { readonly hash: Hash } | { readonly target: string } | undefined;

/**
 * The `RefStore` of a Git directory. A damaged ref file or `packed-refs`
 * throws `corrupt-ref` rather than reading as an absent branch; a lock file
 * left in place throws `locked`.
 */
export class GitRefs implements RefStore {
  /** @param clock - ages and waits of the lock protocol (tests inject one) */
  constructor(
    readonly gitDir: string,
    readonly clock: Clock = SYSTEM_CLOCK,
  ) {}

  async read(ref: string): Promise<Hash | undefined> {
    checkRefName(ref);
    return (await this.#lookup(ref)).value;
  }

  async compareAndSet(ref: string, expected: Hash | undefined, next: Hash | undefined): Promise<boolean> {
    checkRefName(ref);
    if (next !== undefined && !isHash(next)) {
      throw new StoreError('invalid-ref', `cannot point ${ref} at ${JSON.stringify(next)}: pass a 40-hex object id`, { ref });
    }
    await this.#packed(); // refuse to write over a damaged packed-refs, whichever ref moves
    const { name } = await this.#lookup(ref); // a symbolic ref moves the ref it points at, as in Git
    const lock = await LockFile.acquire(this.#path(name), this.clock).catch((error: unknown) => {
      throw conflictOr(error, name);
    });
    if (lock === undefined) return false;
    let deleted = false;
    try {
      const current = await this.#lookup(name);
      if (current.name !== name || current.value !== expected) return false;
      if (next !== undefined) {
        if (expected === undefined) await this.#checkRoom(name);
        await lock.commit(`${next}\n`).catch((error: unknown) => {
          throw conflictOr(error, name);
        });
        return true;
      }
      if (expected === undefined) return true;
      deleted = await this.#delete(name);
      return deleted;
    } finally {
      await lock.release();
      if (deleted) await this.#pruneEmptyParents(name);
    }
  }

  async list(prefix: string): Promise<Map<string, Hash>> {
    checkRefPrefix(prefix);
    const found = [...(await this.#packed())].filter(([name]) => name.startsWith(prefix));
    const loose = (await this.#walk(prefix.length > 5 ? prefix.slice(0, prefix.lastIndexOf('/') + 1) : 'refs/'))
      .filter((name) => name.startsWith(prefix) && isRefName(name));
    await forEachLimited(loose, 32, async (name) => {
      const { value } = await this.#lookup(name);
      if (value !== undefined) found.push([name, value]);
    });
    // Later entries win: loose refs were pushed after packed ones.
    return new Map(found.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  #path(name: string): string {
    return join(this.gitDir, name);
  }

  /** Follows symbolic refs from `ref` to the ref holding an id: its name and id (undefined when absent). */
  async #lookup(ref: string): Promise<{ name: string; value: Hash | undefined }> {
    let name = ref;
    for (let depth = 0; depth <= MAX_SYMREF_DEPTH; depth++) {
      const loose = await this.#loose(name);
      if (loose === undefined) return { name, value: (await this.#packed()).get(name) };
      if ('hash' in loose) return { name, value: loose.hash };
      name = loose.target;
    }
    throw new StoreError('invalid-ref', `${ref} is a chain of more than ${MAX_SYMREF_DEPTH} symbolic refs; point it at a branch directly`, { ref });
  }

  async #loose(name: string): Promise<Loose> {
    const file = await readIfPresent(this.#path(name));
    if (file === undefined) return undefined;
    const text = file.toString('utf8');
    const id = text.slice(0, 40);
    if (isHash(id) && (text.length === 40 || /\s/.test(text[40]!))) return { hash: id };
    const target = /^ref: *(\S+)\s*$/.exec(text)?.[1];
    if (target !== undefined && isRefName(target)) return { target };
    const path = this.#path(name);
    throw new StoreError('corrupt-ref', `ref file ${path} holds neither an object id nor "ref: <name>"; Git refuses it too: repair or delete it`, { ref: name, file: path, line: 1 });
  }

  async #packed(): Promise<Map<string, Hash>> {
    const path = join(this.gitDir, 'packed-refs');
    return parsePackedRefs((await readIfPresent(path))?.toString('utf8') ?? '', path);
  }

  /** Before creating `name`: no ref may be its parent or child, and no directory may stand in its place. */
  async #checkRoom(name: string): Promise<void> {
    for (const other of (await this.#packed()).keys()) {
      if (other.startsWith(`${name}/`) || name.startsWith(`${other}/`)) throw conflict(name, other);
    }
    await rmdir(this.#path(name)).catch((error: unknown) => {
      if (!isAbsent(error)) throw conflictOr(error, name); // an empty directory left behind is removed, like Git
    });
  }

  /** Deletes `name` (lock held): from packed-refs first, so the packed value never resurfaces, then the loose file. */
  async #delete(name: string): Promise<boolean> {
    const packedPath = join(this.gitDir, 'packed-refs');
    if ((await this.#packed()).has(name)) {
      const lock = await LockFile.acquire(packedPath, this.clock);
      if (lock === undefined) return false;
      try {
        const text = (await readIfPresent(packedPath))?.toString('utf8') ?? '';
        await lock.commit(removePackedRef(text, name));
      } finally {
        await lock.release();
      }
    }
    await unlink(this.#path(name)).catch((error: unknown) => {
      if (!isAbsent(error)) throw ioError(error, `delete ref ${name}`);
    });
    return true;
  }

  /** After a delete (lock released): removes the directories the ref leaves empty, keeping `refs/<kind>`, like Git. */
  async #pruneEmptyParents(name: string): Promise<void> {
    const parts = name.split('/');
    for (let n = parts.length - 1; n > 2; n--) {
      const removed = await rmdir(this.#path(parts.slice(0, n).join('/'))).then(() => true, () => false);
      if (!removed) return;
    }
  }

  /** Ref names of the loose files under `dir` (a prefix ending in "/"), skipping lock files. */
  async #walk(dir: string): Promise<string[]> {
    let entries;
    try {
      entries = await readdir(this.#path(dir), { withFileTypes: true });
    } catch (error) {
      if (isAbsent(error)) return [];
      throw error;
    }
    const nested = await Promise.all(
      entries.map((e) => (e.isDirectory() ? this.#walk(`${dir}${e.name}/`) : e.isFile() && !e.name.endsWith('.lock') ? [`${dir}${e.name}`] : [])),
    );
    return nested.flat();
  }
}

function conflict(name: string, other: string): StoreError {
  return new StoreError('invalid-ref', `cannot create ${name}: it conflicts with ${other} (a ref cannot be both a branch and a folder of branches); delete ${other} or choose another name`, { ref: name });
}

/** Maps file/directory clashes to `invalid-ref`, other I/O errors to `io-error`; store errors pass through. */
function conflictOr(error: unknown, name: string): unknown {
  if (PATH_CONFLICTS.has(errorCode(error) ?? '')) return conflict(name, 'an existing ref or directory on its path');
  return ioError(error, `write ref ${name}`);
}
