/** What a `grove` command is, and the checks of its words and options before it runs. */
import { OPTIONS, type OptionName, type Options } from './args.js';
import type { Context } from './context.js';
import { CliError, type ExitCode } from './exit.js';

/** One `grove` command: how it is called, what it does, and the code that does it. */
export interface Command {
  readonly name: string;
  /** Its positional words as help shows them: `PATH VALUE`, `[DIR]` (brackets: optional). */
  readonly params: string;
  /** One line for `grove --help`. */
  readonly summary: string;
  /** The options it accepts (`--help` is always accepted). */
  readonly options: readonly OptionName[];
  run(ctx: Context): Promise<ExitCode>;
}

/** `grove get PATH [--repo DIR] [--branch NAME] [--json]`. */
export function synopsis(command: Command): string {
  const options = command.options.map((name) => {
    const spec = OPTIONS[name];
    return 'value' in spec ? `[${spec.flag} ${spec.value}]` : `[${spec.flag}]`;
  });
  return ['grove', command.name, command.params, ...options].filter((word) => word !== '').join(' ');
}

/** Throws `CliError` when `args` or `options` do not fit `command`. */
export function checkCommandLine(command: Command, args: readonly string[], options: Options): void {
  const words = command.params.split(' ').filter((word) => word !== '');
  const required = words.filter((word) => !word.startsWith('['));
  if (args.length < required.length) {
    throw new CliError(`${command.name} needs ${required.slice(args.length).join(' ')}; usage: ${synopsis(command)}`);
  }
  if (args.length > words.length) {
    throw new CliError(`too many words for ${command.name}: ${JSON.stringify(args.slice(words.length).join(' '))}; usage: ${synopsis(command)}`);
  }
  for (const name of Object.keys(options) as OptionName[]) {
    if (name !== 'help' && !command.options.includes(name)) {
      throw new CliError(`${command.name} does not take ${OPTIONS[name].flag}; usage: ${synopsis(command)}`);
    }
  }
}
