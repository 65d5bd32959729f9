/** The types a repository knows, by tag: how it decodes and merges the values it stores. */
import { codecs, counter, defaultMerge, type Mergeable } from '@grove/merge';
import { BYTES, TEXT } from './typed-blob.js';

/** Plain text: stored as is; Git's rule on merge (a change on one side wins). */
export const text: Mergeable<string> = defaultMerge(codecs.string, { tag: TEXT });
/** Raw bytes: stored as is; Git's rule on merge. */
export const bytes: Mergeable<Uint8Array> = defaultMerge(codecs.bytes, { tag: BYTES });
/** JSON documents with sorted keys; Git's rule on merge. */
export const json = defaultMerge(codecs.json, { tag: 'json' });

/**
 * Tag to `Mergeable`. Starts with `text`, `bytes`, `json` and `counter`;
 * users register their own types, and every type written through a branch
 * is registered on the way.
 */
export class TypeRegistry {
  readonly #types = new Map<string, Mergeable<unknown>>();

  constructor(types: readonly Mergeable<any>[] = []) {
    for (const t of [text, bytes, json, counter, ...types]) this.register(t);
  }

  /** Adds `type`. A tag names one format and one merge, so re-registering a tag replaces it. */
  register(type: Mergeable<any>): void {
    this.#types.set(type.tag, type);
  }

  get(tag: string): Mergeable<unknown> | undefined {
    return this.#types.get(tag);
  }
}
