/** `grove fsck`: check a repository and print one line per problem. */
import { fsck as check, type Finding } from '@grove/store';
import { positiveInteger } from '../args.js';
import type { Command } from '../command.js';
import { openRepo } from '../context.js';
import { CliError, EXIT } from '../exit.js';
import { printJson } from '../output.js';

/** Where a finding is: its lock file, or its branch and path, or its object. */
function subject(f: Finding): string {
  if (f.file !== undefined) return f.file;
  const place = f.ref === undefined ? undefined : f.path === undefined ? f.ref : `${f.ref}:${f.path}`;
  return place ?? f.hash ?? '-';
}

/**
 * Checks the repository: branches resolve to stored commits, their history
 * is stored, the values at each head read back in their canonical
 * encoding, and no lock file is left. Prints `<kind> <where>: <message>`
 * per problem (with `--json`, `{ findings, removedLocks, complete }`).
 * Exit 0 when clean, 1 with problems, 2 when it could not run. With
 * `--fix-locks`, deletes lock files older than `--lock-age` (ten minutes)
 * first and prints `removed <file> (<age> ms old)` for each.
 */
export const fsck: Command = {
  name: 'fsck',
  params: '',
  summary: 'check the repository: refs, history, values and lock files (exit 1 when it finds problems)',
  options: ['repo', 'json', 'fix-locks', 'lock-age'],
  async run(ctx) {
    const lockAgeMs = positiveInteger(ctx.options, 'lock-age');
    if (lockAgeMs !== undefined && !ctx.options['fix-locks']) throw new CliError('--lock-age only applies with --fix-locks; add --fix-locks');
    const repo = await openRepo(ctx);
    const report = await check(repo, { fixLocks: ctx.options['fix-locks'] === true, ...(lockAgeMs === undefined ? {} : { lockAgeMs }) });
    if (ctx.options.json) {
      printJson(ctx.io, report);
    } else {
      for (const lock of report.removedLocks) ctx.io.stdout(`removed ${lock.file} (${lock.ageMs} ms old)`);
      for (const f of report.findings) ctx.io.stdout(`${f.kind} ${subject(f)}: ${f.message}`);
      if (!report.complete) ctx.io.stderr('grove: fsck stopped early: the repository has more objects than it checks in one run');
    }
    return report.findings.length === 0 ? EXIT.ok : EXIT.no;
  },
};
