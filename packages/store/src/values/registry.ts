/**
 * The types a repository knows, by tag: the families registered in this
 * process (`registerFamily`: every Grove package registers its own) rebuild
 * any type from its tag alone; user-defined types and families are
 * registered per repository too.
 */
import { codecs, constant, defaultMerge, familyOf, formatTag, isGroveError, parseTag, registerFamily, TagError, type Mergeable, type TypeFamily, type TypeTerm } from '@grove/merge';
import type { Structure } from './structure.js';
import { BYTES, TEXT } from './typed-blob.js';

/** A type the store can hold: a value in one blob, or a structure in a subtree. */
export type StoredType = Mergeable<any> | Structure<any>;

/** A family of stored types: rebuilds a type (a value or a structure) from its tag. */
export type StoredFamily = TypeFamily<StoredType>;

export function isStructure(type: StoredType): type is Structure<any> {
  return 'kind' in type && type.kind === 'structure';
}

function isFamily(x: StoredType | StoredFamily): x is StoredFamily {
  return 'build' in x && typeof x.build === 'function';
}

/** Plain text: stored as is; Git's rule on merge (a change on one side wins). */
export const text: Mergeable<string> = defaultMerge(codecs.string, { tag: TEXT });
/** Raw bytes: stored as is; Git's rule on merge. */
export const bytes: Mergeable<Uint8Array> = defaultMerge(codecs.bytes, { tag: BYTES });
/** JSON documents with sorted keys; Git's rule on merge. */
export const json = defaultMerge(codecs.json, { tag: 'json' });

for (const family of [constant(TEXT, text), constant(BYTES, bytes), constant('json', json)]) registerFamily(family);

/** Why a tag does not resolve: no family for a name in it, or bad parameters. */
class Unknown extends Error {}

/** Resolved tags are cached; past this many the cache starts over (a server may meet many tags). */
const CACHE_LIMIT = 10_000;

/**
 * Tag to `Mergeable` or `Structure`. Resolves a tag by an exact registered
 * type first, else by the family its name belongs to (built in, or
 * registered here), parameters resolved the same way.
 */
export class TypeRegistry {
  readonly #types = new Map<string, StoredType>();
  readonly #families = new Map<string, StoredFamily>();
  readonly #cache = new Map<string, StoredType | Unknown>();

  constructor(types: readonly (StoredType | StoredFamily)[] = []) {
    for (const t of types) this.register(t);
  }

  /**
   * Adds a user-defined type (or a family of them). Its tag must fit the
   * tag grammar (`TagError` otherwise); registering a tag again replaces it.
   */
  register(type: StoredType | StoredFamily): void {
    if (isFamily(type)) this.#families.set(type.name, type);
    else this.#types.set(formatTag(parseTag(type.tag)), type);
    this.#cache.clear();
  }

  /** The type `tag` names, or undefined when nothing here can build it (see `explain`). */
  get(tag: string): StoredType | undefined {
    const found = this.#resolve(tag);
    return found instanceof Unknown ? undefined : found;
  }

  /** Why `get(tag)` is undefined, for an error message. */
  explain(tag: string): string {
    const found = this.#resolve(tag);
    return found instanceof Unknown ? found.message : `${tag} is known`;
  }

  #resolve(tag: string): StoredType | Unknown {
    let found = this.#cache.get(tag);
    if (found === undefined) {
      try {
        found = this.#types.get(tag) ?? this.#build(parseTag(tag));
      } catch (e) {
        if (!(e instanceof Unknown) && !(isGroveError(e) && e.code === 'invalid-tag')) throw e;
        found = e instanceof Unknown ? e : new Unknown((e as TagError).message);
      }
      if (this.#cache.size >= CACHE_LIMIT) this.#cache.clear();
      this.#cache.set(tag, found);
    }
    return found;
  }

  #build(term: TypeTerm): StoredType {
    const exact = this.#types.get(formatTag(term));
    if (exact !== undefined) return exact;
    // Families registered process-wide (`registerFamily`) build stored types: values or structures.
    const family = this.#families.get(term.name) ?? (familyOf(term.name) as StoredFamily | undefined);
    if (family === undefined) throw new Unknown(`no type is registered for ${term.name}`);
    return family.build(term, (param) => {
      const type = this.#build(param);
      if (!isStructure(type)) return type;
      const value = type.asValue?.();
      if (value === undefined) throw new Unknown(`${formatTag(param)} is stored as a subtree and cannot be a type parameter of ${term.name}`);
      return value;
    });
  }
}
