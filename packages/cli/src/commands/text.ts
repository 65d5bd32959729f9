/** `grove text insert|delete PATH POS`: edit a text or a rope at a position, in a new commit. */
import { Rope } from '@grove/rope';
import type { Command } from '../command.js';
import { valuePath, type Context } from '../context.js';
import { edit, type Kind } from '../edit.js';
import { CliError, EXIT } from '../exit.js';
import { printCommit } from '../output.js';
import { readInput } from '../value-input.js';
import { asText } from '../value-types.js';

const TEXT: Kind = { noun: 'a text', example: 'rope', names: ['grove/rope@1', 'grove/rope-text@1', 'text', 'string'], empty: '' };

/** Word `word` (POS or COUNT) as a count of code points, at most `max`. */
function position(name: string, word: string, max: number): number {
  if (!/^\d+$/.test(word) || Number(word) > max) throw new CliError(`${name} must be a whole number from 0 to ${max}, not ${JSON.stringify(word)}`);
  return Number(word);
}

/** Splices the text or rope at PATH in one commit: at POS, removes `count(length - pos)` code points and inserts `insert`. */
async function splice(ctx: Context, count: (room: number) => number, insert: string | Promise<string | Uint8Array>): Promise<typeof EXIT.ok> {
  const path = valuePath(ctx.args[0]!);
  const inserted = asText(await insert);
  const { commit } = await edit(ctx, path, TEXT, async ({ value }) => {
    const rope = typeof value === 'string' ? Rope.from(value) : (value as Rope);
    const pos = position('POS', ctx.args[1]!, rope.length);
    const next = rope.splice(pos, count(rope.length - pos), inserted);
    return { value: typeof value === 'string' ? next.toString() : next, report: undefined };
  });
  printCommit(ctx, commit.hash);
  return EXIT.ok;
}

/** `grove text insert PATH POS TEXT`: POS counts code points from 0. */
export const textInsert: Command = {
  name: 'text insert',
  params: 'PATH POS TEXT',
  summary: 'insert TEXT at code point POS of the text or rope at PATH in a new commit',
  options: ['repo', 'branch', 'type', 'message', 'author', 'json'],
  run: (ctx) => splice(ctx, () => 0, readInput(ctx.io, ctx.args[2]!)),
};

/** `grove text delete PATH POS COUNT`. */
export const textDelete: Command = {
  name: 'text delete',
  params: 'PATH POS COUNT',
  summary: 'remove COUNT code points from POS of the text or rope at PATH in a new commit',
  options: ['repo', 'branch', 'message', 'author', 'json'],
  run: (ctx) => splice(ctx, (room) => position('COUNT', ctx.args[2]!, room), ''),
};
