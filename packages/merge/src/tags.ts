/**
 * Type tags: the name of a value's whole type, parameters included, in one
 * small grammar, so any process rebuilds the type from the tag alone.
 *
 *   tag    = name [ "(" arg *( "," arg ) ")" ] [ "{" field *( "," field ) "}" ]
 *   arg    = tag | key "=" value             type parameters first, then options by key
 *   field  = label ":" tag                   record fields, sorted by label
 *   name   = 1*( ALPHA | DIGIT | "/" | "@" | "." | "_" | "-" | "+" )
 *   key    = 1*( ALPHA | DIGIT | "_" | "-" )
 *   value  = 1*( ALPHA | DIGIT | "." | "_" | "-" ) | a JSON string
 *   label  = 1*( ALPHA | DIGIT | "." | "_" | "-" ) | a JSON string
 *
 * Examples: `grove/counter@1`, `grove/sharded-map@1(grove/set@1(json))`,
 * `grove/queue@1(json,fanout=8)`, `grove/record@1{x:grove/counter@1,y:grove/max@1}`.
 * One older form is read too: options after the tag as `;key=value`.
 */
import { GroveError } from './errors.js';

/** A parsed tag: the family's name, its type parameters, options and record fields. */
export interface TypeTerm {
  readonly name: string;
  readonly args: readonly TypeTerm[];
  /** Options (`fanout=8`), printed sorted by key. */
  readonly options: Readonly<Record<string, string>>;
  /** Record fields, printed sorted by label; undefined when the tag has no `{...}`. */
  readonly fields?: readonly (readonly [string, TypeTerm])[];
}

/** Where and why a tag does not parse, or names a type its family cannot build. */
export interface TagErrorData {
  readonly tag: string;
  readonly offset: number;
  readonly reason: string;
}

/** A tag outside the grammar, or with parameters its family does not accept. */
export class TagError extends GroveError<'invalid-tag', TagErrorData> {
  readonly code = 'invalid-tag' as const;

  constructor(data: TagErrorData) {
    super(`type tag ${JSON.stringify(data.tag)} is not usable at character ${data.offset}: ${data.reason}`, data);
  }
}

/** The deepest nesting of type parameters and fields a tag may have: deeper would exhaust the stack. */
const MAX_DEPTH = 100;

const NAME = /^[A-Za-z0-9/@._+-]+/;
const KEY = /^[A-Za-z0-9_-]+(?==)/;
const BARE = /^[A-Za-z0-9._-]+$/;
const JSON_STRING = /^"(?:[^"\\\u0000-\u001f]|\\.)*"/;

/** A word as the grammar writes it: bare when it can be, else a JSON string. */
function word(text: string): string {
  return BARE.test(text) ? text : JSON.stringify(text);
}

/**
 * The canonical tag of family `name` with the tags of its type parameters,
 * its options and its record fields: what combinators call to name their type.
 * @example
 * composeTag('grove/queue@1', ['json'], { fanout: '8' }); // 'grove/queue@1(json,fanout=8)'
 */
export function composeTag(
  name: string,
  args: readonly string[] = [],
  options: Readonly<Record<string, string>> = {},
  fields?: readonly (readonly [string, string])[],
): string {
  const all = [...args, ...Object.keys(options).sort().map((k) => `${k}=${word(options[k]!)}`)];
  const sorted = fields === undefined ? undefined : [...fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `${name}${all.length > 0 ? `(${all.join(',')})` : ''}${sorted === undefined ? '' : `{${sorted.map(([l, t]) => `${word(l)}:${t}`).join(',')}}`}`;
}

/** The canonical text of `term`. */
export function formatTag(term: TypeTerm): string {
  return composeTag(term.name, term.args.map(formatTag), term.options, term.fields?.map(([l, t]) => [l, formatTag(t)] as const));
}

class Parser {
  at = 0;
  constructor(readonly tag: string) {}

  fail(reason: string, offset = this.at): never {
    throw new TagError({ tag: this.tag, offset, reason });
  }

  rest(): string {
    return this.tag.slice(this.at);
  }

  eat(char: string): boolean {
    if (this.tag[this.at] !== char) return false;
    this.at++;
    return true;
  }

  expect(char: string): void {
    if (!this.eat(char)) this.fail(`expected "${char}"`);
  }

  match(re: RegExp, what: string): string {
    const m = re.exec(this.rest());
    if (m === null) this.fail(`expected ${what}`);
    this.at += m![0].length;
    return m![0];
  }

  /** A bare word or a JSON string. */
  text(what: string): string {
    if (this.tag[this.at] === '"') {
      const start = this.at;
      const quoted = this.match(JSON_STRING, what);
      try {
        return JSON.parse(quoted) as string;
      } catch {
        return this.fail(`${what} is a JSON string with a bad escape`, start);
      }
    }
    return this.match(/^[A-Za-z0-9._-]+/, what);
  }

  term(depth = 0): TypeTerm {
    if (depth > MAX_DEPTH) this.fail(`types nest more than ${MAX_DEPTH} deep`);
    const name = this.match(NAME, 'a type name such as grove/counter@1');
    const args: TypeTerm[] = [];
    const options: Record<string, string> = {};
    const option = () => {
      const start = this.at;
      const key = this.match(KEY, 'an option key');
      this.expect('=');
      if (Object.hasOwn(options, key)) this.fail(`option "${key}" appears twice`, start);
      options[key] = this.text('an option value');
    };
    if (this.eat('(')) {
      do {
        if (KEY.test(this.rest())) option();
        else args.push(this.term(depth + 1));
      } while (this.eat(','));
      this.expect(')');
    }
    let fields: [string, TypeTerm][] | undefined;
    if (this.eat('{')) {
      fields = [];
      do {
        const start = this.at;
        const label = this.text('a field label');
        this.expect(':');
        if (fields.some(([l]) => l === label)) this.fail(`field "${label}" appears twice`, start);
        fields.push([label, this.term(depth + 1)]);
      } while (this.eat(','));
      this.expect('}');
    }
    while (this.eat(';')) option();
    return fields === undefined ? { name, args, options } : { name, args, options, fields };
  }
}

/** Parses `tag`; throws `TagError` (with the offset) when it is outside the grammar. */
export function parseTag(tag: string): TypeTerm {
  const parser = new Parser(tag);
  const out = parser.term();
  if (parser.at !== tag.length) parser.fail('unexpected text after the tag');
  return out;
}
