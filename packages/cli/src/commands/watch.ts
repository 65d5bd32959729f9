/**
 * `grove watch [PATH]`: print changes as the branch moves, until stopped.
 * Moves made in this process are seen at once; moves by other processes
 * (another grove, `git`) are found by re-reading the refs every `--interval`.
 */
import { parsePath, type HeadChange } from '@grove/store';
import { DEFAULT_INTERVAL, positiveInteger } from '../args.js';
import type { Command } from '../command.js';
import { currentBranch, openRepo } from '../context.js';
import { CliError, EXIT } from '../exit.js';
import { aborted } from '../io.js';
import { changeJson, changeLine, commitId, printJson } from '../output.js';

/**
 * Prints `<from>..<to> <kind> <path>` for each change at or below PATH as the
 * branch moves (`--json`: one JSON object per line). Says on stderr when it
 * is watching; stops, exit 0, when `io.signal` aborts (SIGINT for the process).
 * Refuses (exit 2) a branch with no commits in a repository that has other
 * branches; in a new repository it waits for the first commit.
 */
export const watch: Command = {
  name: 'watch',
  params: '[PATH]',
  summary: 'print <from>..<to> <kind> <path> for each change under PATH as the branch moves, until Ctrl-C',
  options: ['repo', 'branch', 'interval', 'json'],
  async run(ctx) {
    const path = parsePath(ctx.args[0] ?? '');
    const interval = positiveInteger(ctx.options, 'interval') ?? DEFAULT_INTERVAL;
    const repo = await openRepo(ctx);
    const branch = currentBranch(ctx, repo);
    const others = await repo.branches();
    // A new repository may be watched for its first commit; otherwise a branch without one is a typo.
    if (others.length > 0 && (await branch.head()) === undefined) {
      throw new CliError(`branch ${JSON.stringify(branch.name)} has no commits, so there is nothing to watch; create it with grove branch ${branch.name}, or watch one of: ${others.join(', ')}`);
    }
    const { io } = ctx;
    const print = async ({ from, to, changes }: HeadChange) => {
      for (const c of changes) {
        if (ctx.options.json) printJson(io, { from: commitId(from), to: commitId(to), ...(await changeJson(c)) });
        else io.stdout(`${commitId(from)}..${commitId(to)} ${changeLine(c)}`);
      }
    };
    const unsubscribe = repo.failures.subscribe((failure) => io.stderr(`grove: ${failure.message}`));
    const watcher = branch.watch(print, { path });
    await watcher.idle();
    io.stderr(`grove: watching ${branch.name} from ${commitId(watcher.position)}; press Ctrl-C to stop`);
    const timer = setInterval(() => repo.refresh(), interval);
    await aborted(io.signal);
    clearInterval(timer);
    watcher.stop();
    await watcher.idle();
    unsubscribe();
    return EXIT.ok;
  },
};
