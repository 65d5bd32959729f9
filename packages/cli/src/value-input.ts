/**
 * VALUE words: a value as given, `-` for all of standard input, `@FILE` for
 * the bytes of a file (relative to the working directory), and `@@...` for
 * a value that itself starts with `@`. So a 200 kB document never has to
 * fit on a command line.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CliError } from './exit.js';
import type { Io } from './io.js';

/** The help line on VALUE words, for `grove --help`. */
export const VALUE_HELP = 'A VALUE, ELEMENT or TEXT of - reads standard input, @FILE reads a file, @@TEXT is the text @TEXT';

/**
 * The value `word` stands for: the word itself, or the bytes of standard
 * input (`-`) or of a file (`@FILE`). Throws `CliError` when there is no
 * standard input to read, or the file's system error (it names the file).
 * @example
 * await readInput(io, '@notes.md'); // the bytes of ./notes.md
 */
export async function readInput(io: Io, word: string): Promise<string | Uint8Array> {
  if (word === '-') {
    if (io.stdin === undefined) throw new CliError('VALUE - reads standard input, but there is none here; pass the value, or @FILE');
    return io.stdin();
  }
  if (word.startsWith('@@')) return word.slice(1);
  if (word.startsWith('@')) {
    if (word === '@') throw new CliError('@ needs a file name, as in @notes.md; write @@ for the text @');
    return new Uint8Array(await readFile(resolve(io.cwd, word.slice(1))));
  }
  return word;
}
