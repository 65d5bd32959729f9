/**
 * The packs of `objects/pack`, indexes cached in memory. Git may add packs
 * (`git gc`, `git repack`, a fetch) and delete old ones while we run, so
 * the store re-scans on a miss when the directory's mtime changed, and a
 * vanished pack is dropped.
 */
import { statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Hash } from '../../objects/hash.js';
import type { RawObject } from '../../objects/raw.js';
import type { StoredEntry } from '../backend.js';
import { baseCache } from './base-cache.js';
import { errorCode, isAbsent } from './fs-util.js';
import { PackIndex } from './pack-index.js';
import { PackFile, type BaseLookup } from './pack-file.js';

/**
 * An mtime this close to the scan that saw it may be shared by a change
 * made just after the scan: file systems stamp times in ticks (a jiffy on
 * Linux, a second or two on HFS+ and FAT), so such a scan is not trusted.
 */
const RACY_NS = 2_000_000_000n;

/** The packed half of a repository's object database. */
export class PackDirectory {
  /** Packs by `.pack` file name. */
  readonly #packs = new Map<string, PackFile>();
  readonly #cache = baseCache();
  #scan: Promise<boolean> | undefined;
  #scanned = false;
  /** The directory's mtime as seen just before the last scan, when it was old enough to trust (see `RACY_NS`). */
  #seenMtime: bigint | undefined;

  constructor(readonly packDir: string) {}

  /** The indexes of the packs known so far (scanning the directory the first time). */
  async indexes(): Promise<PackIndex[]> {
    if (!this.#scanned) await this.rescan();
    return [...this.#packs.values()].map((p) => p.index);
  }

  /**
   * The verified object from a known pack, or undefined. A pack deleted by
   * a repack (and no longer open) triggers one re-scan: its objects are in
   * the pack that replaced it.
   */
  async read(hash: Hash, lookup: BaseLookup): Promise<RawObject | undefined> {
    const id = Buffer.from(hash, 'hex');
    return this.#first((pack) => pack.read(hash, id, lookup));
  }

  /** The stored entry from a known pack (see `ObjectStore.readPacked`), or undefined; a deleted pack is handled as by `read`. */
  async readStored(hash: Hash): Promise<StoredEntry | undefined> {
    const id = Buffer.from(hash, 'hex');
    return this.#first((pack) => pack.readStored(hash, id));
  }

  /** The first result of `get` from a known pack that is not undefined, scanning first if needed and once more if a pack vanished. */
  async #first<T>(get: (pack: PackFile) => Promise<T | undefined>, retried = false): Promise<T | undefined> {
    if (!this.#scanned) await this.rescan();
    for (const pack of [...this.#packs.values()]) {
      try {
        const found = await get(pack);
        if (found !== undefined) return found;
      } catch (error) {
        if (errorCode(error) !== 'ENOENT' || retried) throw error;
        await this.rescan();
        return this.#first(get, true);
      }
    }
    return undefined;
  }

  /** Registers a pack this process just wrote, without a directory scan. */
  add(packName: string, index: PackIndex): void {
    this.#packs.set(packName, new PackFile(join(this.packDir, packName), index, this.#cache));
  }

  /**
   * `rescan` unless the directory's mtime is the one a trusted earlier scan
   * saw: adding or removing a pack changes it. A burst of misses costs a
   * `stat` each and one `readdir` (Git writes packs under temporary names
   * and renames them in, so the directory changes when a pack appears).
   */
  async refresh(): Promise<boolean> {
    const mtime = directoryMtime(this.packDir);
    if (this.#scanned && mtime !== undefined && mtime === this.#seenMtime) return false;
    return this.rescan();
  }

  /** Syncs the known packs with the directory; true when the set changed. Concurrent calls share one scan. */
  rescan(): Promise<boolean> {
    this.#scan ??= this.#doScan().finally(() => {
      this.#scan = undefined;
      this.#scanned = true;
    });
    return this.#scan;
  }

  async #doScan(): Promise<boolean> {
    const mtime = directoryMtime(this.packDir);
    const settled = mtime !== undefined && BigInt(Date.now()) * 1_000_000n - mtime > RACY_NS;
    this.#seenMtime = settled ? mtime : undefined;
    let names: string[];
    try {
      names = await readdir(this.packDir);
    } catch (error) {
      if (isAbsent(error)) names = [];
      else throw error;
    }
    const listed = new Set(names);
    const present = names.filter((n) => n.endsWith('.pack') && listed.has(n.replace(/\.pack$/, '.idx')));
    let changed = false;
    for (const name of this.#packs.keys()) {
      if (!listed.has(name)) {
        this.#packs.delete(name);
        changed = true;
      }
    }
    for (const name of present) {
      if (this.#packs.has(name)) continue;
      const idxPath = join(this.packDir, name.replace(/\.pack$/, '.idx'));
      let idx: Buffer;
      try {
        idx = await readFile(idxPath);
      } catch (error) {
        if (isAbsent(error)) continue;
        throw error;
      }
      this.add(name, PackIndex.parse(idx, idxPath));
      changed = true;
    }
    return changed;
  }
}

/** The mtime of `dir` in nanoseconds, or undefined when it is absent. */
function directoryMtime(dir: string): bigint | undefined {
  return statSync(dir, { bigint: true, throwIfNoEntry: false })?.mtimeNs;
}
