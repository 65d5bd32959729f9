/** The types `grove set --type` stores, and how each reads its VALUE from the command line. */
import { counter, type Json, type Mergeable } from '@grove/merge';
import { json, text } from '@grove/store';
import { CliError } from './exit.js';

/** A type a value can be stored as, and how to parse one from a command-line word. */
interface ValueType<T> {
  readonly type: Mergeable<T>;
  parse(word: string): T;
}

const VALUE_TYPES: Readonly<Record<string, ValueType<any>>> = {
  text: { type: text, parse: (word) => word },
  counter: {
    type: counter,
    parse: (word): bigint => {
      if (!/^-?\d+$/.test(word)) throw new CliError(`a counter is an integer such as 42 or -3, not ${JSON.stringify(word)}`);
      return BigInt(word);
    },
  },
  json: {
    type: json,
    parse: (word): Json => {
      try {
        return JSON.parse(word) as Json;
      } catch (error) {
        throw new CliError(`${JSON.stringify(word)} is not JSON (${(error as Error).message}); quote JSON strings, e.g. '"hello"'`);
      }
    },
  },
};

/**
 * `word` parsed as a value of the type named `typeName` (`text`, `counter`
 * or `json`). Throws `CliError` on an unknown type or a word it cannot parse.
 * @example
 * parseValue('counter', '-3'); // { type: counter, value: -3n }
 */
export function parseValue(typeName: string, word: string): { readonly type: Mergeable<any>; readonly value: unknown } {
  const valueType = Object.hasOwn(VALUE_TYPES, typeName) ? VALUE_TYPES[typeName] : undefined;
  if (valueType === undefined) throw new CliError(`unknown --type ${JSON.stringify(typeName)}; use ${Object.keys(VALUE_TYPES).join(', ')}`);
  return { type: valueType.type, value: valueType.parse(word) };
}
