/** `grove resolve PATH --ours|--theirs|--value VALUE`: settle one conflict of the pending merge. */
import { parseTag } from '@grove/merge';
import { tagOf } from '@grove/store';
import type { Command } from '../command.js';
import { openRepo, valuePath } from '../context.js';
import { CliError, EXIT } from '../exit.js';
import { printJson } from '../output.js';
import { entryOf, inConflict, requirePending, unresolved, writePending, type PendingResolution } from '../pending-merge.js';
import { typeTag } from '../type-expressions.js';
import { readInput } from '../value-input.js';
import { parseValue } from '../value-types.js';

/**
 * Records how the entry holding PATH is settled when the pending merge is
 * continued: our value, theirs, or VALUE (read as the type of our value
 * there, or `--type`). Prints `resolved <entry>`, and on stderr what is left.
 */
export const resolve: Command = {
  name: 'resolve',
  params: 'PATH',
  summary: 'settle the conflict at PATH of the pending merge: --ours, --theirs or --value VALUE',
  options: ['repo', 'ours', 'theirs', 'value', 'type', 'json'],
  async run(ctx) {
    const path = valuePath(ctx.args[0]!);
    const { ours, theirs, value, type } = ctx.options;
    if ([ours, theirs, value].filter((x) => x !== undefined).length !== 1) throw new CliError('resolve takes one of --ours, --theirs or --value VALUE');
    if (type !== undefined && value === undefined) throw new CliError('--type goes with --value, for the type of VALUE');
    const repo = await openRepo(ctx);
    const pending = await requirePending(repo);
    const entry = await entryOf(repo, pending.ours, pending.theirs, path);
    if (!inConflict(pending, entry)) throw new CliError(`${entry} is not in conflict; the paths in conflict are ${pending.entries.join(', ')}`);
    let resolution: PendingResolution;
    if (value === undefined) resolution = { take: ours ? 'ours' : 'theirs' };
    else {
      const child = (await (await repo.commitTree(pending.ours)).get(valuePath(entry))) ?? (await (await repo.commitTree(pending.theirs)).get(valuePath(entry)));
      const tag = type !== undefined ? typeTag(type) : child === undefined ? undefined : await tagOf(child, repo.nodes);
      if (tag === undefined) throw new CliError(`neither side holds a value at ${entry}; say what VALUE is with --type`);
      const input = await readInput(ctx.io, value);
      parseValue(repo.types, parseTag(tag), input);
      resolution = { tag, base64: Buffer.from(typeof input === 'string' ? new TextEncoder().encode(input) : input).toString('base64') };
    }
    const next = { ...pending, resolutions: { ...pending.resolutions, [entry]: resolution } };
    await writePending(repo, next);
    const left = unresolved(next);
    if (ctx.options.json) printJson(ctx.io, { resolved: entry, unresolved: left });
    else {
      ctx.io.stdout(`resolved ${entry}`);
      ctx.io.stderr(left.length === 0 ? 'grove: every conflict is resolved; write the merge with grove merge --continue' : `grove: still in conflict: ${left.join(', ')}`);
    }
    return EXIT.ok;
  },
};
