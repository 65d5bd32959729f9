/**
 * A document's schema: names to types (or to nested schemas, for deeper
 * paths), the handle each type gets, and the types inferred from it.
 */
import type { Mergeable } from '@grove/merge';
import { checkValuePath, type Path } from '../objects/names.js';
import type { StoredType } from '../values/registry.js';
import type { Structure } from '../values/structure.js';
import type { Cell, Cells } from './cell.js';
import { valueHandle, type CounterHandle, type ValueHandle } from './value-handle.js';

/**
 * Paths to types: each key is a path segment; a value is a type (a
 * `Mergeable` or a `Structure`) or a nested schema for the paths below.
 * @example
 * const schema = { votes: GMap.structure(counter), title: text, pages: { home: text } } satisfies Schema;
 */
export type Schema = { readonly [name: string]: StoredType | Schema };

/**
 * A type that brings its own handle: `handle(cell)` gives the verbs a
 * document hands out for values of this type.
 * @example
 * const Score: Mergeable<bigint> & WithHandle<bigint, { add(n: bigint): Promise<bigint> }> =
 *   { ...counter, handle: (cell) => ({ add: (n) => cell.update((v) => (v ?? 0n) + n) }) };
 */
export interface WithHandle<T, H> {
  handle(cell: Cell<T>): H;
}

/**
 * The value type of a stored type.
 * @example
 * type Votes = ValueOf<typeof Votes>; // GroveMap<bigint>
 */
export type ValueOf<S> = S extends Structure<infer T> ? T : S extends Mergeable<infer T> ? T : never;

/**
 * The handle a document gives a type: its own (`WithHandle`), else a
 * `CounterHandle` for bigints, else a `ValueHandle`.
 * @example
 * type H = HandleOf<typeof text>; // ValueHandle<string>
 */
export type HandleOf<S> = S extends WithHandle<any, infer H> ? H : [ValueOf<S>] extends [bigint] ? CounterHandle : ValueHandle<ValueOf<S>>;

/**
 * The handles of a schema, shaped like it.
 * @example
 * type D = Handles<{ title: typeof text; pages: { home: typeof text } }>; // d.title, d.pages.home
 */
export type Handles<S extends Schema> = {
  readonly [K in keyof S]: S[K] extends StoredType ? HandleOf<S[K]> : S[K] extends Schema ? Handles<S[K]> : never;
};

const isType = (entry: StoredType | Schema): entry is StoredType => typeof entry.tag === 'string';
const hasHandle = (type: StoredType): type is StoredType & WithHandle<unknown, unknown> => typeof (type as Partial<WithHandle<unknown, unknown>>).handle === 'function';

/** Throws `invalid-path` unless every key of `schema` is a usable path segment. */
export function checkSchema(schema: Schema, prefix: Path = []): void {
  for (const [name, entry] of Object.entries(schema)) {
    checkValuePath([...prefix, name]);
    if (!isType(entry)) checkSchema(entry, [...prefix, name]);
  }
}

/** The handles of `schema` over `cells`, one cell per type. */
export function handlesOf<S extends Schema>(schema: S, cells: Cells, prefix: Path = []): Handles<S> {
  const handles: Record<string, unknown> = {};
  for (const [name, entry] of Object.entries(schema)) {
    const path = [...prefix, name];
    if (!isType(entry)) handles[name] = handlesOf(entry, cells, path);
    else handles[name] = hasHandle(entry) ? entry.handle(cells.cell(path, entry)) : valueHandle(cells.cell(path, entry));
  }
  return handles as Handles<S>;
}
