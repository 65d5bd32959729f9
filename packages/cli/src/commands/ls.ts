/** `grove ls [PATH]`: list a folder. */
import { parsePath } from '@grove/store';
import type { Command } from '../command.js';
import { currentBranch, openRepo } from '../context.js';
import { describeEntry, entryAt } from '../entries.js';
import { EXIT } from '../exit.js';
import { printJson } from '../output.js';

/**
 * Lists the names under PATH (default: the root), folders with a trailing
 * `/`; `--json` gives each one's kind and, for values, type tag. Exit 1 when
 * PATH is absent.
 */
export const ls: Command = {
  name: 'ls',
  params: '[PATH]',
  summary: 'list the names under PATH, folders with a trailing / (exit 1 when PATH is absent)',
  options: ['repo', 'branch', 'json'],
  async run(ctx) {
    const path = parsePath(ctx.args[0] ?? '');
    const repo = await openRepo(ctx);
    const { tree } = await entryAt(repo, currentBranch(ctx, repo), path, 'folder');
    const entries = await Promise.all(
      (await tree.list()).map(async ([name, child]) => {
        const entry = await describeEntry(repo, child);
        return { name, kind: entry.kind, ...(entry.kind === 'value' ? { tag: entry.tag } : {}) };
      }),
    );
    if (ctx.options.json) printJson(ctx.io, entries);
    else for (const { name, kind } of entries) ctx.io.stdout(kind === 'folder' ? `${name}/` : name);
    return EXIT.ok;
  },
};
