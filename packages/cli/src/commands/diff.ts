/** `grove diff A B`: what changed between two branches or commits. */
import type { Command } from '../command.js';
import { openRepo } from '../context.js';
import { EXIT } from '../exit.js';
import { changeJson, changeLine, printJson } from '../output.js';

/** Prints the changes from A to B (branch names or commit ids), one `<kind> <path>` per line. */
export const diff: Command = {
  name: 'diff',
  params: 'A B',
  summary: 'print the changes from A to B (branches or commit ids): <kind> <path>',
  options: ['repo', 'json'],
  async run(ctx) {
    const repo = await openRepo(ctx);
    const [a, b] = await Promise.all(ctx.args.map((spec) => repo.resolve(spec)));
    const changes = await repo.diff(a, b);
    if (ctx.options.json) printJson(ctx.io, await Promise.all(changes.map(changeJson)));
    else for (const c of changes) ctx.io.stdout(changeLine(c));
    return EXIT.ok;
  },
};
