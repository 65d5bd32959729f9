/**
 * `--type` expressions: short names for the built-in types (`text`,
 * `counter`, `map<set<json>>`...) turned into the canonical type tag the
 * repository's registry resolves, so the tag grammar stays the one source of
 * truth. A canonical tag (`grove/queue@1(json,fanout=8)`) passes verbatim.
 */
import { formatTag, isGroveError, parseTag, type TypeTerm } from '@grove/merge';
import type { StoredType, TypeRegistry } from '@grove/store';
import { CliError } from './exit.js';

/** Where a name sits: at the path itself (`top`), or as a type parameter inside another value (`nested`). */
type Place = 'top' | 'nested';

const term = (name: string, ...args: TypeTerm[]): TypeTerm => ({ name, args, options: {} });

/** Short names without parameters, by place: a top-level `rope` is the stored structure, a nested one the in-value text. */
const SIMPLE: Readonly<Record<string, Record<Place, string>>> = {
  text: { top: 'text', nested: 'string' },
  json: { top: 'json', nested: 'json' },
  bytes: { top: 'bytes', nested: 'bytes' },
  counter: { top: 'grove/counter@1', nested: 'grove/counter@1' },
  max: { top: 'grove/max@1', nested: 'grove/max@1' },
  min: { top: 'grove/min@1', nested: 'grove/min@1' },
  rope: { top: 'grove/rope@1', nested: 'grove/rope-text@1' },
};

/** Short names with one type parameter, by place: a top-level set or map is sharded in a subtree. */
const GENERIC: Readonly<Record<string, Record<Place, string>>> = {
  set: { top: 'grove/sharded-set@1', nested: 'grove/set@1' },
  map: { top: 'grove/sharded-map@1', nested: 'grove/map@1' },
  queue: { top: 'grove/queue@1', nested: 'grove/queue@1' },
  option: { top: 'grove/option@1', nested: 'grove/option@1' },
  lww: { top: 'grove/lww@1', nested: 'grove/lww@1' },
  multiset: { top: 'grove/multiset@1', nested: 'grove/multiset@1' },
};

/** What `--type` accepts, for error messages. */
const ACCEPTED_TYPES =
  `${Object.keys(SIMPLE).join(', ')}, ${Object.keys(GENERIC).map((n) => `${n}<T>`).join(', ')}, ` +
  'nested as in map<set<json>>, or a canonical tag such as grove/counter@1';

function invalid(expression: string, reason: string): CliError {
  return new CliError(`--type ${JSON.stringify(expression)} is not a type: ${reason}; use ${ACCEPTED_TYPES}`);
}

/** A canonical tag given verbatim, checked against the grammar. */
function verbatim(expression: string, tag: string): TypeTerm {
  try {
    return parseTag(tag);
  } catch (error) {
    if (isGroveError(error)) throw invalid(expression, error.message);
    throw error;
  }
}

/** Reads `name` or `name<expr,...>` from `text` at `at`, returning the term and where it ends. */
function parseAt(expression: string, at: number, place: Place): [TypeTerm, number] {
  const name = /^[A-Za-z0-9/@._+-]*/.exec(expression.slice(at))![0];
  if (name === '') throw invalid(expression, `a type name is missing at character ${at}`);
  let end = at + name.length;
  const args: TypeTerm[] = [];
  if (expression[end] === '<') {
    do {
      const [arg, next] = parseAt(expression, end + 1, 'nested');
      args.push(arg);
      end = next;
    } while (expression[end] === ',');
    if (expression[end] !== '>') throw invalid(expression, `">" is missing at character ${end}`);
    end++;
  }
  if (/[/@]/.test(name)) {
    if (args.length > 0) throw invalid(expression, `write canonical tag ${name} with its own parameters, e.g. grove/map@1(json)`);
    return [verbatim(expression, name), end];
  }
  const simple = Object.hasOwn(SIMPLE, name) ? SIMPLE[name] : undefined;
  const generic = Object.hasOwn(GENERIC, name) ? GENERIC[name] : undefined;
  if (simple !== undefined) {
    if (args.length > 0) throw invalid(expression, `${name} takes no type parameter`);
    return [term(simple[place]), end];
  }
  if (generic !== undefined) {
    if (args.length !== 1) throw invalid(expression, `${name} takes one type parameter, as in ${name}<json>`);
    return [term(generic[place], args[0]!), end];
  }
  throw invalid(expression, `unknown type ${JSON.stringify(name)}`);
}

/**
 * The canonical tag of `--type` expression `expression`. Throws `CliError`
 * naming what is accepted.
 * @example
 * typeTag('map<set<json>>'); // 'grove/sharded-map@1(grove/set@1(json))'
 * typeTag('grove/queue@1(json,fanout=8)'); // verbatim
 */
export function typeTag(expression: string): string {
  const trimmed = expression.replace(/\s+/g, '');
  if (/[({]/.test(trimmed) || trimmed === 'string' || trimmed === 'bigint') return formatTag(verbatim(expression, trimmed));
  const [parsed, end] = parseAt(trimmed, 0, 'top');
  if (end !== trimmed.length) throw invalid(expression, `unexpected ${JSON.stringify(trimmed.slice(end))} at character ${end}`);
  return formatTag(parsed);
}

/** The stored type `expression` names, built by `types` (the repository's registry). Throws `CliError` when it cannot be built. */
export function resolveType(types: TypeRegistry, expression: string): StoredType {
  const tag = typeTag(expression);
  const type = types.get(tag);
  if (type === undefined) throw invalid(expression, types.explain(tag));
  return type;
}
