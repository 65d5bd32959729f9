/**
 * Command-line parsing: options may come anywhere, as `--name VALUE`,
 * `--name=VALUE` or `-m VALUE`; `--` ends the options; a word like `-5` is
 * a value, not an option, so `grove set --type counter hits -5` works.
 */
import { CliError } from './exit.js';

/** An option `grove` knows: its flags, its value placeholder (none for a switch) and its help. */
export interface OptionSpec {
  readonly flag: `--${string}`;
  readonly short?: `-${string}`;
  readonly value?: string;
  readonly help: string;
}

/** How often, in milliseconds, `watch` re-reads the refs unless `--interval` says otherwise. */
export const DEFAULT_INTERVAL = 500;

/** Every option, by name. Commands say which of them they accept. */
export const OPTIONS = {
  repo: { flag: '--repo', value: 'DIR', help: 'the repository (default: the current directory)' },
  branch: { flag: '--branch', value: 'NAME', help: 'the branch to read and write (default: main)' },
  message: { flag: '--message', short: '-m', value: 'MESSAGE', help: 'the commit message' },
  author: { flag: '--author', value: '"NAME <EMAIL>"', help: 'the commit author (default: $GROVE_AUTHOR, else Grove <grove@localhost>)' },
  type: { flag: '--type', value: 'TYPE', help: 'the type of VALUE, or of the value to create: text (default), json, bytes, counter, max, min, rope, set<T>, map<T>, queue<T>, option<T>, lww<T>, multiset<T>, or a grove/... tag' },
  json: { flag: '--json', help: 'print JSON, errors too: bigints as strings, bytes as {"$base64": "..."}' },
  limit: { flag: '--limit', value: 'N', help: 'print at most N commits' },
  from: { flag: '--from', value: 'REF', help: 'start the new branch at REF (a branch or a commit id)' },
  interval: { flag: '--interval', value: 'MS', help: `how often to look for changes by other processes (default: ${DEFAULT_INTERVAL})` },
  force: { flag: '--force', help: 'push even when it is not a fast-forward (the remote loses its commits after the common ancestor)' },
  port: { flag: '--port', value: 'PORT', help: 'the port to serve on (default: 8080; 0 picks a free one)' },
  host: { flag: '--host', value: 'HOST', help: 'the address to bind (default: 127.0.0.1, this machine only)' },
  token: { flag: '--token', value: 'TOKEN', help: 'serve: require this bearer token for everything; clients: send it (default: $GROVE_TOKEN)' },
  'read-only': { flag: '--read-only', help: 'serve without accepting any write' },
  strategy: { flag: '--strategy', value: 'ours|theirs', help: 'merge: settle each conflict by taking our side or theirs' },
  continue: { flag: '--continue', help: 'merge: write the pending merge once grove resolve settled every conflict' },
  abort: { flag: '--abort', help: 'merge: drop the pending merge and its resolutions' },
  ours: { flag: '--ours', help: 'resolve: keep our value at PATH' },
  theirs: { flag: '--theirs', help: 'resolve: take their value at PATH' },
  value: { flag: '--value', value: 'VALUE', help: 'resolve: store VALUE at PATH (read as the type there, or --type)' },
  'fix-locks': { flag: '--fix-locks', help: 'fsck: delete lock files older than --lock-age (left by a crashed writer) and say which' },
  'lock-age': { flag: '--lock-age', value: 'MS', help: 'fsck --fix-locks: how old a lock file must be to be deleted (default: 600000, ten minutes)' },
  version: { flag: '--version', help: 'print the version of grove' },
  help: { flag: '--help', short: '-h', help: 'print help' },
} as const satisfies Record<string, OptionSpec>;

/** The name of an option. */
export type OptionName = keyof typeof OPTIONS;

/** The options given: a string for options with a value, `true` for switches. */
export type Options = { [K in OptionName]?: (typeof OPTIONS)[K] extends { readonly value: string } ? string : true };

/** A command line split into positional words and options. */
export interface ParsedArgs {
  readonly positionals: readonly string[];
  readonly options: Options;
}

const BY_FLAG = new Map<string, OptionName>(
  Object.entries(OPTIONS).flatMap(([name, spec]) => {
    const flags: string[] = 'short' in spec ? [spec.flag, spec.short] : [spec.flag];
    return flags.map((flag) => [flag, name as OptionName] as const);
  }),
);

/** Splits `argv`. Throws `CliError` on an unknown option, a missing value or a repeated option. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const positionals: string[] = [];
  const options: Partial<Record<OptionName, string | true>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-' || /^-\d/.test(arg)) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq < 0 ? arg : arg.slice(0, eq);
    const name = BY_FLAG.get(flag);
    if (name === undefined) throw new CliError(`unknown option ${flag}; see grove --help`);
    if (options[name] !== undefined) throw new CliError(`${flag} is given twice; give it once`);
    const spec: OptionSpec = OPTIONS[name];
    if (spec.value === undefined) {
      if (eq >= 0) throw new CliError(`${flag} takes no value; write ${flag} alone`);
      options[name] = true;
      continue;
    }
    const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) throw new CliError(`${flag} needs a value: ${flag} ${spec.value}`);
    options[name] = value;
  }
  return { positionals, options: options as Options };
}

/** The value of option `name` as a positive integer, or undefined when absent. Throws `CliError` otherwise. */
export function positiveInteger(options: Options, name: 'limit' | 'interval' | 'lock-age'): number | undefined {
  const text = options[name];
  if (text === undefined) return undefined;
  if (!/^[1-9]\d*$/.test(text) || !Number.isSafeInteger(Number(text))) {
    throw new CliError(`${OPTIONS[name].flag} needs a positive integer, not ${JSON.stringify(text)}`);
  }
  return Number(text);
}
