/** The types a repository knows, by tag: how it decodes and merges the values it stores. */
import { codecs, counter, defaultMerge, type Mergeable } from '@grove/merge';
import type { Structure } from './structure.js';
import { BYTES, TEXT } from './typed-blob.js';

/** A type the store can hold: a value in one blob, or a structure in a subtree. */
export type StoredType = Mergeable<any> | Structure<any>;

export function isStructure(type: StoredType): type is Structure<any> {
  return 'kind' in type && type.kind === 'structure';
}

/** Plain text: stored as is; Git's rule on merge (a change on one side wins). */
export const text: Mergeable<string> = defaultMerge(codecs.string, { tag: TEXT });
/** Raw bytes: stored as is; Git's rule on merge. */
export const bytes: Mergeable<Uint8Array> = defaultMerge(codecs.bytes, { tag: BYTES });
/** JSON documents with sorted keys; Git's rule on merge. */
export const json = defaultMerge(codecs.json, { tag: 'json' });

/**
 * Tag to `Mergeable` or `Structure`. Starts with `text`, `bytes`, `json` and
 * `counter`; users register their own types, and every type written through
 * a branch is registered on the way.
 */
export class TypeRegistry {
  readonly #types = new Map<string, StoredType>();

  constructor(types: readonly StoredType[] = []) {
    for (const t of [text, bytes, json, counter, ...types]) this.register(t);
  }

  /** Adds `type`. A tag names one format and one merge, so re-registering a tag replaces it. */
  register(type: StoredType): void {
    this.#types.set(type.tag, type);
  }

  get(tag: string): StoredType | undefined {
    return this.#types.get(tag);
  }
}
