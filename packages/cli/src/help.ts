/** `grove --help`, `grove help [COMMAND]` and `grove COMMAND --help`. */
import { OPTIONS, type OptionName } from './args.js';
import { synopsis, type Command } from './command.js';
import { COMMANDS } from './commands/index.js';
import { VALUE_HELP } from './value-input.js';

function optionLines(names: readonly OptionName[]): string[] {
  return names.map((name) => {
    const spec = OPTIONS[name];
    const flags = 'short' in spec ? `${spec.short}, ${spec.flag}` : spec.flag;
    return `  ${`${flags}${'value' in spec ? ` ${spec.value}` : ''}`.padEnd(28)} ${spec.help}`;
  });
}

const EXIT_CODES = [
  'exit codes:',
  '  0   done',
  '  1   merge conflict (printed on stdout, path first), no value at PATH, or fsck found problems',
  '  2   bad usage or input: the message on stderr says what to do',
  '  70  internal error in grove',
];

/** The whole usage: every command and option, and the exit codes. */
export function usage(): string[] {
  const rows = [...[...COMMANDS.values()].map((c) => [`${c.name} ${c.params}`, c.summary]), ['help [COMMAND]', "print this help, or one command's"]];
  const width = Math.max(...rows.map(([call]) => call!.length));
  return [
    'usage: grove COMMAND [ARGS] [OPTIONS]',
    '',
    'commands:',
    ...rows.map(([call, summary]) => `  ${call!.padEnd(width)}  ${summary}`),
    '',
    'options:',
    ...optionLines(Object.keys(OPTIONS) as OptionName[]),
    '',
    'PATH is slash-separated, e.g. docs/readme.',
    `${VALUE_HELP}.`,
    ...EXIT_CODES,
  ];
}

/** The help of one command: its synopsis, what it does and its options. */
export function commandUsage(command: Command): string[] {
  return [`usage: ${synopsis(command)}`, '', command.summary, '', 'options:', ...optionLines([...command.options, 'help'])];
}
