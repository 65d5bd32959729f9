/** `grove queue push|pop PATH`: add to the tail of a queue, or take its head, in a new commit. */
import { formatPath } from '@grove/merge';
import type { Queue } from '@grove/queue';
import type { Command } from '../command.js';
import { valuePath } from '../context.js';
import { edit, type Kind } from '../edit.js';
import { CliError, EXIT } from '../exit.js';
import { printCommit, printJson, toJson } from '../output.js';
import { formatRendered, renderAs } from '../render.js';
import { readInput } from '../value-input.js';
import { parseValue, queueType } from '../value-types.js';

const QUEUE: Kind = { noun: 'a queue', example: 'queue<json>', names: ['grove/queue@1'], empty: [] };

/** `grove queue push PATH VALUE`: VALUE read as the queue's element type. */
export const queuePush: Command = {
  name: 'queue push',
  params: 'PATH VALUE',
  summary: "push VALUE, read as the queue's element type, to the tail of the queue at PATH in a new commit",
  options: ['repo', 'branch', 'type', 'message', 'author', 'json'],
  async run(ctx) {
    const path = valuePath(ctx.args[0]!);
    const input = await readInput(ctx.io, ctx.args[1]!);
    const { commit } = await edit(ctx, path, QUEUE, async ({ repo, term, value }) => ({
      value: queueType(repo.types, term).push(value as Queue<unknown>, parseValue(repo.types, term.args[0]!, input)),
      report: undefined,
    }));
    printCommit(ctx, commit.hash);
    return EXIT.ok;
  },
};

/** `grove queue pop PATH`: prints the element taken (with `--json`, `{"commit": id, "value": element}`); exit 1 when empty. */
export const queuePop: Command = {
  name: 'queue pop',
  params: 'PATH',
  summary: 'take the head of the queue at PATH in a new commit and print it (exit 1 when the queue is empty)',
  options: ['repo', 'branch', 'message', 'author', 'json'],
  async run(ctx) {
    const path = valuePath(ctx.args[0]!);
    const { commit, report } = await edit(ctx, path, QUEUE, async ({ repo, term, value }) => {
      const popped = queueType(repo.types, term).pop(value as Queue<unknown>);
      if (!popped.ok) throw new CliError(`the queue at ${formatPath(path)} is empty`, EXIT.no);
      return { value: popped.queue, report: await renderAs(term.args[0]!, popped.value) };
    });
    if (ctx.options.json) printJson(ctx.io, { commit: commit.hash, value: toJson(report) });
    else ctx.io.stdout(formatRendered(report));
    return EXIT.ok;
  },
};
