/** Commit authors written as Git shows them: `Name <email>`. */
import type { Identity } from '@grove/store';
import { CliError } from './exit.js';

const AUTHOR = /^([^<>\s](?:[^<>\n]*[^<>\s])?) <([^<>\s]+)>$/;

/**
 * Parses `Ada Lovelace <ada@example.com>`: a name without `<`, `>` or a
 * newline and without surrounding spaces, one space, then a non-empty email
 * without spaces in angle brackets. Throws `CliError` on anything else;
 * `source` names where the text came from, for the message.
 * @example
 * parseAuthor('Ada <ada@example.com>', '--author'); // { name: 'Ada', email: 'ada@example.com' }
 */
export function parseAuthor(text: string, source: string): Identity {
  const m = AUTHOR.exec(text);
  if (m === null) {
    throw new CliError(`${source} ${JSON.stringify(text)} is not "Name <email>"; write it like "Ada Lovelace <ada@example.com>"`);
  }
  return { name: m[1]!, email: m[2]! };
}
