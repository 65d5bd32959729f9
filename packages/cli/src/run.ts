/** `run`: one `grove` command line, from words to exit code. */
import { parseArgs } from './args.js';
import { checkCommandLine } from './command.js';
import { findCommand } from './commands/index.js';
import { CliError, EXIT, type ExitCode } from './exit.js';
import { report } from './failure.js';
import { commandUsage, usage } from './help.js';
import type { Io } from './io.js';

/** The help `grove help [COMMAND]` prints. */
function helpFor(topics: readonly string[]): string[] {
  const [topic, ...extra] = topics;
  if (extra.length > 0) throw new CliError('help takes one COMMAND at most; see grove --help');
  return topic === undefined ? usage() : commandUsage(findCommand(topic));
}

/**
 * Runs the `grove` command line `argv` (without `node` and the script)
 * against `io` and resolves to the exit code; never throws. Output goes
 * through `io.stdout` and `io.stderr` line by line, so tests run it in-process.
 * @example
 * const code = await run(['get', 'docs/readme', '--repo', dir], {
 *   stdout: (line) => console.log(line), stderr: (line) => console.error(line), cwd: process.cwd(),
 * });
 */
export async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  try {
    const { positionals, options } = parseArgs(argv);
    const [name, ...args] = positionals;
    if (name === 'help' || (options.help && name === undefined)) {
      for (const line of helpFor(args)) io.stdout(line);
      return EXIT.ok;
    }
    if (name === undefined) throw new CliError('no command given; see grove --help');
    const command = findCommand(name);
    if (options.help) {
      for (const line of commandUsage(command)) io.stdout(line);
      return EXIT.ok;
    }
    checkCommandLine(command, args, options);
    return await command.run({ io, args, options });
  } catch (error) {
    return report(error, io);
  }
}
