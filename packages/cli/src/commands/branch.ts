/** `grove branch [NAME]` and `grove branches`: create and list branches. */
import type { Command } from '../command.js';
import { currentBranch, openRepo, requireHead, type Context } from '../context.js';
import { CliError, EXIT, type ExitCode } from '../exit.js';
import { printJson } from '../output.js';

/** Prints the branches, `* ` before the `--branch` one; with `--json`, each with its head. */
async function listBranches(ctx: Context): Promise<ExitCode> {
  const repo = await openRepo(ctx);
  const current = currentBranch(ctx, repo).name;
  const names = await repo.branches();
  if (ctx.options.json) {
    printJson(ctx.io, await Promise.all(names.map(async (name) => ({ name, head: await repo.branch(name).head(), current: name === current }))));
  } else {
    for (const name of names) ctx.io.stdout(`${name === current ? '*' : ' '} ${name}`);
  }
  return EXIT.ok;
}

/** Lists the branches. */
export const branches: Command = {
  name: 'branches',
  params: '',
  summary: 'list the branches, * marking the --branch one',
  options: ['repo', 'branch', 'json'],
  run: listBranches,
};

/** With NAME, creates branch NAME at `--from` (default: the `--branch` head) and prints its head; else lists. */
export const branch: Command = {
  name: 'branch',
  params: '[NAME]',
  summary: 'create branch NAME at --from REF (default: the head of --branch) and print its head; without NAME, list branches',
  options: ['repo', 'branch', 'from', 'json'],
  async run(ctx) {
    const [name] = ctx.args;
    if (name === undefined) {
      if (ctx.options.from !== undefined) throw new CliError('--from needs a branch to create: grove branch NAME --from REF');
      return listBranches(ctx);
    }
    if (ctx.options.json) throw new CliError('--json lists branches; drop NAME, or drop --json to create one');
    const repo = await openRepo(ctx);
    const source = currentBranch(ctx, repo);
    const at = ctx.options.from === undefined ? await requireHead(source) : await repo.resolve(ctx.options.from);
    await source.fork(name, { from: at });
    ctx.io.stdout(at);
    return EXIT.ok;
  },
};
