/** Typed, cached access to a backend's objects: commits, trees and blobs by id. */
import type { ObjectStore } from '../backend/backend.js';
import { StoreError } from '../errors.js';
import { Lru } from '../internal/lru.js';
import type { DecodedTrees, TreeChild } from '../tree/tree.js';
import { decodeCommit, encodeCommit, type CommitData } from './commit-object.js';
import { hashObject, type Hash, type ObjectType } from './hash.js';
import type { RawObject } from './raw.js';

/** A commit with its id. */
export interface Commit extends CommitData {
  readonly hash: Hash;
}

/** Builds a commit object (not yet written). */
export function commitObject(data: CommitData): { commit: Commit; object: RawObject } {
  const payload = encodeCommit(data);
  const hash = hashObject('commit', payload);
  return { commit: { hash, ...data }, object: { hash, type: 'commit', payload } };
}

/** How many decoded tree entries a repository keeps (a few hundred bytes each). */
const DECODED_TREE_ENTRIES = 100_000;

export class Objects {
  readonly store: ObjectStore;
  readonly #raw = new Lru<Hash, RawObject>(20_000);
  readonly #commits = new Lru<Hash, Commit>(50_000);
  /** Decoded trees for every `Tree` of this repository, bounded by their total entries. */
  readonly decodedTrees: DecodedTrees = new Lru<Hash, ReadonlyMap<string, TreeChild>>(DECODED_TREE_ENTRIES, (entries) => entries.size + 1);

  constructor(store: ObjectStore) {
    this.store = store;
  }

  /** The object `hash`, which must exist and have `type`. */
  async readObject(hash: Hash, type: ObjectType): Promise<RawObject> {
    let object = this.#raw.get(hash);
    if (object === undefined) {
      object = await this.store.read(hash);
      if (object === undefined) {
        throw new StoreError('not-found', `no object ${hash} in this repository; check the id, or fetch it from a replica that has it`, { hash });
      }
      this.#raw.set(hash, object);
    }
    if (object.type !== type) {
      throw new StoreError('wrong-type', `object ${hash} is a ${object.type}, not a ${type}`, { hash, expected: type, actual: object.type });
    }
    return object;
  }

  async readCommit(hash: Hash): Promise<Commit> {
    let commit = this.#commits.get(hash);
    if (commit === undefined) {
      const object = await this.readObject(hash, 'commit');
      commit = { hash, ...decodeCommit(object.payload, hash) };
      this.#commits.set(hash, commit);
    }
    return commit;
  }

  async readBlob(hash: Hash): Promise<Uint8Array> {
    return (await this.readObject(hash, 'blob')).payload;
  }

  /** Writes a batch in one call to the backend. */
  async write(objects: Iterable<RawObject>): Promise<void> {
    const batch = [...objects];
    if (batch.length > 0) await this.store.writeMany(batch);
  }
}
