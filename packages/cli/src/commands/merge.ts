/**
 * `grove merge FROM`: merge a branch or commit into the branch, each value
 * by its type; conflicts are settled by `--strategy`, or left pending for
 * `grove resolve` and `grove merge --continue` (or `--abort`).
 */
import { formatPath, parseTag } from '@grove/merge';
import { isHash, parsePath, type Branch, type MergeOutcome, type Resolution } from '@grove/store';
import type { Command } from '../command.js';
import { commitOptions, currentBranch, openRepo, requireHead, type Context } from '../context.js';
import { CliError, EXIT, type ExitCode } from '../exit.js';
import { conflictJson, conflictLine, mergedLine, printJson } from '../output.js';
import { clearPending, conflictEntries, readPending, requirePending, unresolved, writePending, type PendingMerge } from '../pending-merge.js';
import { parseValue } from '../value-types.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Prints a merge that went through, and returns exit 0. */
function printMerged(ctx: Context, outcome: Exclude<MergeOutcome, { kind: 'conflict' }>): ExitCode {
  if (!ctx.options.json) ctx.io.stdout(mergedLine(outcome));
  else printJson(ctx.io, { outcome: outcome.kind, head: outcome.kind === 'merged' ? outcome.commit.hash : outcome.head ?? null });
  return EXIT.ok;
}

function strategy(ctx: Context): 'ours' | 'theirs' | undefined {
  const given = ctx.options.strategy;
  if (given === undefined || given === 'ours' || given === 'theirs') return given;
  throw new CliError(`--strategy takes ours or theirs, not ${JSON.stringify(given)}`);
}

/** `grove merge FROM`: on conflicts without `--strategy`, records the pending merge, prints them and exits 1. */
async function start(ctx: Context, from: string): Promise<ExitCode> {
  const repo = await openRepo(ctx);
  const into = currentBranch(ctx, repo);
  const pending = await readPending(repo);
  if (pending !== undefined) {
    throw new CliError(`a merge of ${pending.from} into ${pending.branch} is pending; finish it with grove merge --continue, or drop it with grove merge --abort`);
  }
  const source = isHash(from) ? from : repo.branch(from);
  if (typeof source !== 'string') await requireHead(source);
  const settle = strategy(ctx);
  const outcome = await into.merge(source, { ...commitOptions(ctx), ...(settle === undefined ? {} : { strategy: settle }) });
  if (outcome.kind !== 'conflict') return printMerged(ctx, outcome);
  const entries = await conflictEntries(repo, outcome.ours, outcome.theirs, outcome.conflicts);
  await writePending(repo, { branch: into.name, from, ours: outcome.ours, theirs: outcome.theirs, entries, resolutions: {} });
  if (ctx.options.json) {
    printJson(ctx.io, { outcome: 'conflict', pending: true, conflicts: outcome.conflicts.map(conflictJson) });
    return EXIT.no;
  }
  for (const c of outcome.conflicts) ctx.io.stdout(conflictLine(c));
  ctx.io.stderr(
    `grove: ${plural(outcome.conflicts.length, 'conflict')} merging ${from} into ${into.name}, which is unchanged; ` +
      'settle each PATH with grove resolve PATH --ours|--theirs|--value VALUE, then grove merge --continue (or drop the merge: grove merge --abort)',
  );
  return EXIT.no;
}

/** The resolutions of `pending` as the store takes them: values read again by their type. */
function resolutions(branch: Branch, pending: PendingMerge): Resolution[] {
  const { types } = branch.repo;
  return Object.entries(pending.resolutions).map(([path, r]): Resolution => {
    if ('take' in r) return { path: parsePath(path), take: r.take };
    const type = types.get(r.tag);
    if (type === undefined) throw new CliError(`the value resolving ${path} is a ${r.tag}, which this process does not know; resolve ${path} again`);
    return { path: parsePath(path), type, value: parseValue(types, parseTag(r.tag), Buffer.from(r.base64, 'base64')) };
  });
}

/** `grove merge --continue`: writes the merge commit, with both parents, once every conflict is resolved. */
async function finish(ctx: Context): Promise<ExitCode> {
  const repo = await openRepo(ctx);
  const pending = await requirePending(repo);
  const left = unresolved(pending);
  if (left.length > 0) {
    throw new CliError(`${plural(left.length, 'path')} still in conflict: ${left.join(', ')}; settle each with grove resolve PATH --ours|--theirs|--value VALUE`, EXIT.no);
  }
  const into = repo.branch(pending.branch);
  if ((await into.head()) !== pending.ours) {
    throw new CliError(`${pending.branch} moved since the merge of ${pending.from} started; drop it with grove merge --abort and merge again`);
  }
  const outcome = await into.merge(pending.theirs, {
    message: ctx.options.message ?? `merge ${pending.from} into ${pending.branch}`,
    resolutions: resolutions(into, pending),
  });
  if (outcome.kind === 'conflict') {
    const paths = outcome.conflicts.map((c) => formatPath(c.path)).join(', ');
    throw new CliError(`the merge still conflicts at ${paths}; resolve those paths with grove resolve, then grove merge --continue`, EXIT.no);
  }
  await clearPending(repo);
  return printMerged(ctx, outcome);
}

/** `grove merge --abort`: drops the pending merge; the branch never moved. */
async function abort(ctx: Context): Promise<ExitCode> {
  const repo = await openRepo(ctx);
  const pending = await requirePending(repo);
  await clearPending(repo);
  if (ctx.options.json) printJson(ctx.io, { outcome: 'aborted', from: pending.from, branch: pending.branch });
  else ctx.io.stdout(`aborted merge of ${pending.from} into ${pending.branch}`);
  return EXIT.ok;
}

/**
 * Merges FROM into the branch and prints `<outcome> <head>` (up-to-date,
 * fast-forward or merged). On conflicts, `--strategy ours|theirs` takes that
 * side at each; without it, prints one `<path> <kind>: <message>` line each,
 * leaves the branch as it was, records the merge as pending and exits 1.
 */
export const merge: Command = {
  name: 'merge',
  params: '[FROM]',
  summary: 'merge branch or commit FROM into the branch; conflicts: --strategy, or print them (exit 1), grove resolve, then --continue or --abort',
  options: ['repo', 'branch', 'message', 'author', 'json', 'strategy', 'continue', 'abort'],
  async run(ctx) {
    const from = ctx.args[0];
    const { continue: cont, abort: drop, strategy: settle } = ctx.options;
    if ((cont || drop) && (from !== undefined || settle !== undefined || (cont && drop))) {
      throw new CliError('give --continue or --abort alone, without FROM or --strategy');
    }
    if (cont) return finish(ctx);
    if (drop) return abort(ctx);
    if (from === undefined) throw new CliError('merge needs FROM, or --continue or --abort for a pending merge; usage: grove merge [FROM]');
    return start(ctx, from);
  },
};
