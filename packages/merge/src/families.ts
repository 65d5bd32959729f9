/**
 * Type families: how a type is rebuilt from its tag. A family owns one tag
 * name (`grove/map@1`) and builds the type from the parsed tag, resolving
 * its type parameters through the caller.
 */
import * as codecs from './codec.js';
import { counter } from './combinators/counter.js';
import { defaultMerge } from './combinators/default.js';
import { lww } from './combinators/lww.js';
import { mapOf } from './combinators/map-of.js';
import { multiset } from './combinators/multiset.js';
import { option } from './combinators/option.js';
import { record } from './combinators/record.js';
import { setOf } from './combinators/set-of.js';
import type { Mergeable } from './mergeable.js';
import { formatTag, TagError, type TypeTerm } from './tags.js';

/** Builds the type a parsed tag names; the tags of type parameters come back through `resolve`. */
export interface TypeFamily<T = Mergeable<any>> {
  /** The tag name this family owns, e.g. `grove/map@1`. */
  readonly name: string;
  /** Throws `TagError` when `term` has parameters the family does not take. */
  build(term: TypeTerm, resolve: (param: TypeTerm) => Mergeable<any>): T;
}

/** What a family accepts: how many type parameters, which options, whether record fields. */
export interface Shape {
  readonly args?: number;
  readonly options?: readonly string[];
  readonly fields?: boolean;
}

/**
 * Checks `term` against `shape` and returns its type parameters; throws
 * `TagError` naming what is wrong.
 * @example
 * const [value] = paramsOf(term, { args: 1, options: ['leaf'] });
 */
export function paramsOf(term: TypeTerm, shape: Shape): readonly TypeTerm[] {
  const tag = formatTag(term);
  const fail = (reason: string): never => {
    throw new TagError({ tag, offset: 0, reason: `${term.name} ${reason}` });
  };
  const want = shape.args ?? 0;
  if (term.args.length !== want) fail(`takes ${want} type parameter${want === 1 ? '' : 's'}, not ${term.args.length}`);
  const extra = Object.keys(term.options).filter((k) => !(shape.options ?? []).includes(k));
  if (extra.length > 0) fail(`has no option ${extra.join(', ')}`);
  if ((term.fields !== undefined) !== (shape.fields ?? false)) fail(shape.fields ? 'needs record fields {name:type,...}' : 'takes no record fields');
  return term.args;
}

/** Option `key` of `term` as a positive safe integer, or undefined when absent. */
export function integerOption(term: TypeTerm, key: string): number | undefined {
  const text = term.options[key];
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!/^[1-9][0-9]*$/.test(text) || !Number.isSafeInteger(n)) {
    throw new TagError({ tag: formatTag(term), offset: 0, reason: `option ${key}=${text} is not a positive integer` });
  }
  return n;
}

/** A family of one type with no parameters. */
export function constant<T>(name: string, type: T): TypeFamily<T> {
  return {
    name,
    build(term) {
      paramsOf(term, {});
      return type;
    },
  };
}

/** A family of one type parameter. */
function unary(name: string, make: (param: Mergeable<any>) => Mergeable<any>): TypeFamily {
  return {
    name,
    build(term, resolve) {
      const [param] = paramsOf(term, { args: 1 });
      return make(resolve(param!));
    },
  };
}

/** The families this process knows, by name. */
const known = new Map<string, TypeFamily<unknown>>();

/**
 * Makes `family` known to this whole process: every store resolves tags
 * with its name through it. Each Grove package registers the families of
 * its own types when it is imported, so a process that imports
 * `@grove/map` reads and merges every map; register a family of your own
 * the same way.
 */
export function registerFamily(family: TypeFamily<unknown>): void {
  known.set(family.name, family);
}

/** The family registered under `name`, if any. */
export function familyOf(name: string): TypeFamily<unknown> | undefined {
  return known.get(name);
}

/**
 * The families of `@grove/merge`: the codecs as values merged by Git's
 * rule (`string`, `bigint`, `json`, `bytes`), `counter`, and the
 * combinators `option`, `mapOf`, `setOf`, `multiset`, `lww` and `record`.
 * Types made with `via` or `defaultMerge` under a tag of the caller's own
 * are not here: register them.
 */
const families: readonly TypeFamily[] = [
  constant('string', defaultMerge(codecs.string)),
  constant('bigint', defaultMerge(codecs.bigint)),
  constant('json', defaultMerge(codecs.json)),
  constant('bytes', defaultMerge(codecs.bytes)),
  constant(counter.tag, counter),
  unary('grove/option@1', option),
  unary('grove/map@1', mapOf),
  unary('grove/set@1', setOf),
  unary('grove/multiset@1', multiset),
  unary('grove/lww@1', lww),
  {
    name: 'grove/record@1',
    build(term, resolve) {
      paramsOf(term, { fields: true });
      return record(Object.fromEntries(term.fields!.map(([label, t]) => [label, resolve(t)])));
    },
  },
];

for (const family of families) registerFamily(family);
