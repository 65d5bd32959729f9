/**
 * Values from the command line, read by their type: text as is, integers
 * for counters and registers, JSON for json, the text of a rope, and for
 * collections a JSON document of their elements (an array for a set or a
 * queue, an object for a map or a record, null for an empty option).
 */
import { formatTag, integerOption, lww, type Json, type Mergeable, type TypeTerm } from '@grove/merge';
import * as GMap from '@grove/map';
import { queue, type Queue, type QueueType } from '@grove/queue';
import { Rope } from '@grove/rope';
import * as GSet from '@grove/set';
import { isStructure, type TypeRegistry } from '@grove/store';
import { CliError } from './exit.js';

const INTEGERS = new Set(['grove/counter@1', 'grove/max@1', 'grove/min@1', 'bigint']);
const TEXTS = new Set(['text', 'string']);

/** The in-value form of type `term` (a queue nested in a map is its `Mergeable`), built by `types`. */
function valueTypeOf(types: TypeRegistry, term: TypeTerm): Mergeable<any> {
  const tag = formatTag(term);
  const type = types.get(tag);
  const value = type !== undefined && isStructure(type) ? type.asValue?.() : type;
  if (value === undefined) throw new CliError(`cannot use type ${tag} here (${types.explain(tag)}); see grove help set`);
  return value;
}

/** `text` as an integer; a `CliError` when it is not one. */
export function integer(text: string): bigint {
  if (!/^-?\d+$/.test(text.trim())) throw new CliError(`an integer such as 42 or -3 is needed, not ${JSON.stringify(text)}`);
  return BigInt(text.trim());
}

/** `text` as JSON; a `CliError` quoting (the start of) it when it is not. */
function parseJson(text: string): Json {
  try {
    return JSON.parse(text) as Json;
  } catch (error) {
    throw new CliError(`${JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}...` : text)} is not JSON (${(error as Error).message}); quote JSON strings, e.g. '"hello"'`);
  }
}

/** Throws a `CliError` saying how a `tag` is written unless `ok`. */
function check(ok: boolean, tag: string, what: string, json: Json): asserts ok {
  if (!ok) throw new CliError(`a ${tag} is written as ${what}, not ${JSON.stringify(json)}`);
}

/** A value of type `term` from its JSON form (see the file header). Throws `CliError` when `json` does not fit. */
export function fromJson(types: TypeRegistry, term: TypeTerm, json: Json): unknown {
  const tag = formatTag(term);
  const [param] = term.args;
  const recurse = (t: TypeTerm, j: Json) => fromJson(types, t, j);
  const leaf = integerOption(term, 'leaf');
  if (TEXTS.has(term.name)) {
    check(typeof json === 'string', tag, 'a JSON string', json);
    return json;
  }
  if (INTEGERS.has(term.name)) {
    check(typeof json === 'string' || (typeof json === 'number' && Number.isSafeInteger(json)), tag, 'an integer', json);
    return integer(String(json));
  }
  switch (term.name) {
    case 'json':
      return json;
    case 'bytes':
      check(typeof json === 'string', tag, 'a JSON string (its UTF-8 bytes are stored)', json);
      return new TextEncoder().encode(json);
    case 'grove/rope@1':
    case 'grove/rope-text@1':
      check(typeof json === 'string', tag, 'a JSON string', json);
      return Rope.from(json);
    case 'grove/option@1':
      return json === null ? undefined : recurse(param!, json);
    case 'grove/lww@1':
      return lww(valueTypeOf(types, param!)).stamp(recurse(param!, json));
  }
  if (term.name === 'grove/record@1') {
    check(typeof json === 'object' && json !== null && !Array.isArray(json), tag, 'a JSON object of its fields', json);
    const fields = new Map(term.fields);
    const extra = Object.keys(json).filter((k) => !fields.has(k));
    check(extra.length === 0, tag, `an object of fields ${[...fields.keys()].join(', ')}`, json);
    return Object.fromEntries([...fields].map(([k, t]) => [k, recurse(t, (json as Record<string, Json>)[k] ?? null)]));
  }
  if (term.name === 'grove/map@1' || term.name === 'grove/sharded-map@1') {
    check(typeof json === 'object' && json !== null && !Array.isArray(json), tag, 'a JSON object', json);
    const entries = Object.entries(json).map(([k, v]) => [k, recurse(param!, v)] as const);
    if (term.name === 'grove/map@1') return new Map(entries);
    return GMap.of(valueTypeOf(types, param!), entries, leaf === undefined ? {} : { leafCapacity: leaf });
  }
  check(Array.isArray(json), tag, 'a JSON array', json);
  const items = json as readonly Json[];
  if (term.name === 'grove/multiset@1') {
    return new Map(items.map((pair) => {
      check(Array.isArray(pair) && pair.length === 2 && Number.isSafeInteger(pair[1]) && (pair[1] as number) > 0, tag, 'an array of [element, count] pairs', pair);
      return [recurse(param!, (pair as Json[])[0]!), pair[1] as number] as const;
    }));
  }
  const elements = items.map((e) => recurse(param!, e));
  switch (term.name) {
    case 'grove/set@1':
      return new Set(elements);
    case 'grove/sharded-set@1':
      return GSet.of(valueTypeOf(types, param!), elements, leaf === undefined ? {} : { leafCapacity: leaf });
    case 'grove/queue@1': {
      const type = queueType(types, term);
      return elements.reduce<Queue<unknown>>((q, e) => type.push(q, e), type.empty());
    }
  }
  throw new CliError(`grove cannot read a ${tag} from the command line; write it with the library`);
}

/** The queue type a `grove/queue@1(E[,fanout=n])` tag names, stamping pushes with a fresh replica id. */
export function queueType(types: TypeRegistry, term: TypeTerm): QueueType<unknown> {
  const fanout = integerOption(term, 'fanout');
  return queue(valueTypeOf(types, term.args[0]!), fanout === undefined ? {} : { fanout });
}

/** `input` as text: a word as given, the bytes of a file or of stdin as UTF-8 (a `CliError` when they are not). */
export function asText(input: string | Uint8Array): string {
  if (typeof input === 'string') return input;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    throw new CliError('the value is not UTF-8 text; store it as bytes with --type bytes');
  }
}

/**
 * `input` (a command-line word, or the bytes of a file or stdin) as a value
 * of type `term`: text as is, integers for counters and registers, JSON for
 * json, raw bytes for bytes, the text of a rope, else the JSON form that
 * `fromJson` reads. Throws `CliError` on input that does not fit.
 * @example
 * parseValue(repo.types, parseTag('grove/counter@1'), '-3'); // -3n
 */
export function parseValue(types: TypeRegistry, term: TypeTerm, input: string | Uint8Array): unknown {
  if (term.name === 'bytes') return typeof input === 'string' ? new TextEncoder().encode(input) : input;
  const text = asText(input);
  if (TEXTS.has(term.name)) return text;
  if (INTEGERS.has(term.name)) return integer(text);
  if (term.name === 'grove/rope@1' || term.name === 'grove/rope-text@1') return Rope.from(text);
  return fromJson(types, term, parseJson(text));
}
