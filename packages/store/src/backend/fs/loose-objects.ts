/**
 * Loose objects: one zlib file per object at `objects/xx/<38 hex>`, written
 * like Git does (temporary file in the fan-out directory, then rename).
 */
import { statSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { frameObject, type Hash } from '../../objects/hash.js';
import type { RawObject } from '../../objects/raw.js';
import { decodeLooseObject, deflateObject } from './object-codec.js';
import { errorCode, forEachLimited, ioError, isAbsent, readIfPresentSync, tempName } from './fs-util.js';

/** Git's default `core.looseCompression`: fastest. */
const LOOSE_COMPRESSION = 1;
/** Files written (or directories listed) at once. */
const PARALLEL_IO = 32;
/** From this many ids on, listing directories beats one `stat` per id. */
const LIST_THRESHOLD = 256;
/** Times a write recreates a fan-out directory that a concurrent `git prune` keeps removing. */
const MAX_DIR_ATTEMPTS = 8;

/** The file operations of a write; tests inject ones that race a concurrent prune. */
export type WriteIo = Pick<typeof fs, 'mkdir' | 'writeFile' | 'rename' | 'unlink'>;

/** The loose half of a repository's object database. */
export class LooseObjects {
  /** @param io - file operations of writes (tests inject races) */
  constructor(
    readonly objectsDir: string,
    readonly io: WriteIo = fs,
  ) {}

  #path(hash: Hash): string {
    return join(this.objectsDir, hash.slice(0, 2), hash.slice(2));
  }

  /**
   * The verified object, or undefined when there is no loose file for it.
   * Loose objects are small files read whole: a synchronous read from the
   * page cache takes microseconds, a round trip through libuv's thread pool
   * ten times more, and history walks read thousands one after another.
   */
  async read(hash: Hash): Promise<RawObject | undefined> {
    const file = readIfPresentSync(this.#path(hash));
    return file === undefined ? undefined : decodeLooseObject(hash, file);
  }

  /**
   * Whether a loose file exists for `hash`. A synchronous `stat` that
   * returns undefined for a missing file: most calls are misses (a peer's
   * `have` lines), and a rejected `access` costs tens of microseconds in
   * building its error, ten times the `stat`.
   */
  async has(hash: Hash): Promise<boolean> {
    try {
      return statSync(this.#path(hash), { throwIfNoEntry: false }) !== undefined;
    } catch (error) {
      if (isAbsent(error)) return false;
      throw error;
    }
  }

  /**
   * The subset of `hashes` stored loose. Big batches list each fan-out
   * directory once, far cheaper than a `stat` per object.
   */
  async existing(hashes: readonly Hash[]): Promise<Set<Hash>> {
    if (hashes.length < LIST_THRESHOLD) {
      const found = new Set<Hash>();
      await forEachLimited(hashes, PARALLEL_IO, async (h) => {
        if (await this.has(h)) found.add(h);
      });
      return found;
    }
    const prefixes = [...new Set(hashes.map((h) => h.slice(0, 2)))];
    const found = new Set<Hash>();
    await forEachLimited(prefixes, PARALLEL_IO, async (prefix) => {
      let names: string[];
      try {
        names = await readdir(join(this.objectsDir, prefix));
      } catch (error) {
        if (isAbsent(error)) return;
        throw error;
      }
      for (const name of names) if (name.length === 38) found.add(prefix + name);
    });
    return found;
  }

  /** Writes each object (assumed absent) as a loose file, in bounded parallelism. */
  async writeMany(objects: readonly RawObject[]): Promise<void> {
    await forEachLimited(objects, PARALLEL_IO, (o) => this.#write(o));
  }

  /**
   * Writes a temporary file in the fan-out directory, then renames it into
   * place. `git prune`/`prune-packed` remove empty fan-out directories, so a
   * directory just created may vanish before the file lands in it: the
   * write then creates it again. I/O failures throw `io-error` naming the file.
   */
  async #write(object: RawObject): Promise<void> {
    const { io } = this;
    const data = deflateObject(frameObject(object.type, object.payload), LOOSE_COMPRESSION);
    const dir = join(this.objectsDir, object.hash.slice(0, 2));
    const temp = join(dir, tempName('tmp_obj_'));
    try {
      for (let attempt = 1; ; attempt++) {
        try {
          await io.writeFile(temp, data, { mode: 0o444, flag: 'wx' });
          break;
        } catch (error) {
          if (errorCode(error) !== 'ENOENT' || attempt === MAX_DIR_ATTEMPTS) throw error;
          await io.mkdir(dir, { recursive: true });
        }
      }
      await io.rename(temp, this.#path(object.hash));
    } catch (error) {
      await io.unlink(temp).catch(() => undefined); // best effort: the first error is the one to report
      throw ioError(error, `write object ${object.hash}`);
    }
  }
}
