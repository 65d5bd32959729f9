/** `run`: one `grove` command line, from words to exit code. */
import { readFileSync } from 'node:fs';
import { parseArgs } from './args.js';
import './families.js';
import { checkCommandLine } from './command.js';
import { findCommand } from './commands/index.js';
import { CliError, EXIT, type ExitCode } from './exit.js';
import { report } from './failure.js';
import { commandUsage, usage } from './help.js';
import type { Io } from './io.js';

/** The help `grove help [COMMAND]` prints. */
function helpFor(topics: readonly string[]): string[] {
  if (topics.length === 0) return usage();
  const { command, args } = findCommand(topics);
  if (args.length > 0) throw new CliError('help takes one COMMAND at most; see grove --help');
  return commandUsage(command);
}

/** The version of this `grove`, from its package.json (one level above `src` and `dist` alike). */
function version(): string {
  return (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/**
 * Runs the `grove` command line `argv` (without `node` and the script)
 * against `io` and resolves to the exit code; never throws. Output goes
 * through `io.stdout` and `io.stderr` line by line, so tests run it in-process;
 * with `--json` an error is one JSON object on stderr: `{"code", "message", "exit"}`.
 * @example
 * const code = await run(['get', 'docs/readme', '--repo', dir], {
 *   stdout: (line) => console.log(line), stderr: (line) => console.error(line), cwd: process.cwd(),
 * });
 */
export async function run(argv: readonly string[], io: Io): Promise<ExitCode> {
  let json = argv.includes('--json');
  try {
    const { positionals, options } = parseArgs(argv);
    json = options.json === true;
    const [name, ...rest] = positionals;
    if (options.version && name === undefined) {
      io.stdout(json ? JSON.stringify({ version: version() }) : `grove ${version()}`);
      return EXIT.ok;
    }
    if (name === 'help' || (options.help && name === undefined)) {
      for (const line of helpFor(rest)) io.stdout(line);
      return EXIT.ok;
    }
    if (name === undefined) throw new CliError('no command given; see grove --help');
    const { command, args } = findCommand(positionals);
    if (options.help) {
      for (const line of commandUsage(command)) io.stdout(line);
      return EXIT.ok;
    }
    checkCommandLine(command, args, options);
    return await command.run({ io, args, options });
  } catch (error) {
    return report(error, io, json);
  }
}
