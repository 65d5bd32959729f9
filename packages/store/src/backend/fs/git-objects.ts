/**
 * The object database of a Git repository (`objects/`): packs and loose
 * files. Small batches are written loose, big ones as a single pack.
 */
import { join } from 'node:path';
import { StoreError } from '../../errors.js';
import { EMPTY_TREE, isHash, type Hash } from '../../objects/hash.js';
import type { RawObject } from '../../objects/raw.js';
import type { ObjectStore, PackedObject, StoredEntry } from '../backend.js';
import { LooseObjects } from './loose-objects.js';
import { corruptObject } from './object-codec.js';
import { PackDirectory } from './pack-directory.js';
import { installPack, writePack } from './pack-writer.js';

/** Batches with fewer new objects than this are written as loose files, bigger ones as a pack. */
export const LOOSE_BATCH_LIMIT = 256;
/** Delta bases found through other packs, nested deeper than this, can only be a cycle. */
const MAX_BASE_HOPS = 64;

/** Git knows the empty tree without storing it; so do we. */
const EMPTY: RawObject = { hash: EMPTY_TREE, type: 'tree', payload: new Uint8Array(0) };

/** The `ObjectStore` of a Git directory. */
export class GitObjects implements ObjectStore {
  readonly #loose: LooseObjects;
  readonly #packs: PackDirectory;

  constructor(readonly objectsDir: string) {
    this.#loose = new LooseObjects(objectsDir);
    this.#packs = new PackDirectory(join(objectsDir, 'pack'));
  }

  read(hash: Hash): Promise<RawObject | undefined> {
    return this.#read(hash, 0);
  }

  /** Packs first (their indexes are in memory), then loose files, then packs that appeared meanwhile (if the pack directory changed). */
  async #read(hash: Hash, hops: number): Promise<RawObject | undefined> {
    if (!isHash(hash)) return undefined;
    if (hops > MAX_BASE_HOPS) throw corruptObject(hash, 'delta bases in different packs refer to each other in a cycle');
    const lookup = (base: Hash) => this.#read(base, hops + 1);
    const object =
      (await this.#packs.read(hash, lookup)) ??
      (await this.#loose.read(hash)) ??
      ((await this.#packs.refresh()) ? await this.#packs.read(hash, lookup) : undefined);
    return object ?? (hash === EMPTY_TREE ? EMPTY : undefined);
  }

  /** Packs only: loose objects are not stored as pack entries. */
  async readPacked(hash: Hash): Promise<StoredEntry | undefined> {
    return isHash(hash) ? this.#packs.readStored(hash) : undefined;
  }

  async has(hash: Hash): Promise<boolean> {
    if (!isHash(hash)) return false;
    const id = Buffer.from(hash, 'hex');
    const packed = async () => (await this.#packs.indexes()).some((index) => index.find(id) !== undefined);
    return hash === EMPTY_TREE || (await packed()) || (await this.#loose.has(hash)) || ((await this.#packs.refresh()) && (await packed()));
  }

  async writeMany(objects: readonly RawObject[]): Promise<void> {
    const indexes = await this.#packs.indexes();
    const fresh = new Map<Hash, RawObject>();
    for (const object of objects) {
      if (fresh.has(object.hash)) continue;
      checkId(object.hash);
      const id = indexes.length > 0 ? Buffer.from(object.hash, 'hex') : undefined;
      if (id === undefined || !indexes.some((index) => index.find(id) !== undefined)) fresh.set(object.hash, object);
    }
    const loose = await this.#loose.existing([...fresh.keys()]);
    const missing = [...fresh.values()].filter((o) => !loose.has(o.hash));
    if (missing.length < LOOSE_BATCH_LIMIT) {
      await this.#loose.writeMany(missing);
    } else {
      const { packName, index } = await writePack(this.#packs.packDir, missing);
      this.#packs.add(packName, index);
    }
  }

  /** Small batches go loose through `writeMany`; big ones are installed as the pack they came in. */
  async writePack(pack: Uint8Array, objects: readonly PackedObject[]): Promise<void> {
    if (objects.length < LOOSE_BATCH_LIMIT) return this.writeMany(objects.map((o) => o.object));
    for (const { object } of objects) checkId(object.hash);
    const { packName, index } = await installPack(this.#packs.packDir, pack, objects);
    this.#packs.add(packName, index);
  }
}

/**
 * Refuses an id that is not 40 lowercase hex digits: it would name a file
 * outside the object directory. Ids are trusted to match the content
 * (hashing again would double the cost of a write); a wrong one is caught
 * as `corrupt-object` when the object is read.
 */
function checkId(hash: Hash): void {
  if (!isHash(hash)) {
    throw new StoreError('corrupt-object', `cannot store an object with id ${JSON.stringify(hash)}; compute ids with hashObject(type, payload)`, { hash: String(hash) });
  }
}
