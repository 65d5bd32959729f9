/**
 * Loose objects: one zlib file per object at `objects/xx/<38 hex>`, written
 * like Git does (temporary file in the fan-out directory, then rename).
 */
import { access, mkdir, readdir, rename, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { frameObject, type Hash } from '../../objects/hash.js';
import type { RawObject } from '../../objects/raw.js';
import { decodeLooseObject, deflateObject } from './object-codec.js';
import { errorCode, forEachLimited, isAbsent, readIfPresentSync, tempName } from './fs-util.js';

/** Git's default `core.looseCompression`: fastest. */
const LOOSE_COMPRESSION = 1;
/** Files written (or directories listed) at once. */
const PARALLEL_IO = 32;
/** From this many ids on, listing directories beats one `stat` per id. */
const LIST_THRESHOLD = 256;

/** The loose half of a repository's object database. */
export class LooseObjects {
  constructor(readonly objectsDir: string) {}

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

  async has(hash: Hash): Promise<boolean> {
    try {
      await access(this.#path(hash));
      return true;
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

  async #write(object: RawObject): Promise<void> {
    const data = deflateObject(frameObject(object.type, object.payload), LOOSE_COMPRESSION);
    const dir = join(this.objectsDir, object.hash.slice(0, 2));
    const temp = join(dir, tempName('tmp_obj_'));
    try {
      await writeFile(temp, data, { mode: 0o444, flag: 'wx' }).catch(async (error: unknown) => {
        // The fan-out directory is created on first use (and `git prune` removes empty ones).
        if (errorCode(error) !== 'ENOENT') throw error;
        await mkdir(dir, { recursive: true });
        await writeFile(temp, data, { mode: 0o444, flag: 'wx' });
      });
      await rename(temp, this.#path(object.hash));
    } catch (error) {
      await unlink(temp).catch(() => undefined); // best effort: the first error is the one to report
      throw error;
    }
  }
}
