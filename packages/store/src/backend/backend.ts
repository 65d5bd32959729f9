/**
 * The two halves of a storage backend: content-addressed objects and
 * references moved by compare-and-set. Memory and Git-on-disk implement it.
 */
import type { Hash, ObjectType } from '../objects/hash.js';
import type { RawObject } from '../objects/raw.js';

export interface ObjectStore {
  /**
   * The object with this id, or undefined when absent. Implementations that
   * read untrusted storage verify the hash and throw `StoreError`
   * `corrupt-object` on a mismatch or truncation.
   */
  read(hash: Hash): Promise<RawObject | undefined>;
  has(hash: Hash): Promise<boolean>;
  /**
   * Stores a batch of objects whose hashes are already computed; objects
   * already present are skipped. Durable before it resolves, so refs may
   * then point at them.
   */
  writeMany(objects: readonly RawObject[]): Promise<void>;
  /**
   * Optional: stores the objects of `pack`, a complete packfile the caller
   * verified (trailer checked, every id computed from its content, every
   * delta base inside the pack), whose entries are exactly `objects`. A
   * disk backend keeps a big pack as it is instead of compressing each
   * object again; without this method, use `writeMany`. Durable before it
   * resolves.
   */
  writePack?(pack: Uint8Array, objects: readonly PackedObject[]): Promise<void>;
  /**
   * Optional: the entry of `hash` as a pack on disk stores it, to copy into
   * a pack being sent without inflating, hashing and compressing the object
   * again (Git's object reuse); undefined when it is not in a pack. Only
   * the entry's CRC-32 is checked, not its id: the receiver of the copy
   * verifies it.
   */
  readPacked?(hash: Hash): Promise<StoredEntry | undefined>;
}

/**
 * A pack entry as stored: `data` is its zlib stream, which inflates to
 * `size` bytes of the object (`kind: 'object'`) or of a delta that makes
 * it from the object `base`.
 */
export type StoredEntry =
  | { readonly kind: 'object'; readonly type: ObjectType; readonly size: number; readonly data: Uint8Array }
  | { readonly kind: 'delta'; readonly base: Hash; readonly size: number; readonly data: Uint8Array };

/** An object of a received pack and the offset of its entry there. */
export interface PackedObject {
  readonly object: RawObject;
  readonly offset: number;
}

export interface RefStore {
  /** The id a full ref name (`refs/heads/main`) points at, or undefined. */
  read(ref: string): Promise<Hash | undefined>;
  /**
   * Moves `ref` from `expected` to `next` atomically; `undefined` means
   * "absent" on either side (create, delete). Returns false, changing
   * nothing, when the ref no longer holds `expected`.
   */
  compareAndSet(ref: string, expected: Hash | undefined, next: Hash | undefined): Promise<boolean>;
  /** Every ref under `prefix` (e.g. `refs/heads/`), full name to id. */
  list(prefix: string): Promise<Map<string, Hash>>;
}

export interface Backend {
  readonly objects: ObjectStore;
  readonly refs: RefStore;
  /** The repository directory for disk backends. */
  readonly dir?: string;
}
