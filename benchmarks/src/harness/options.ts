/** Command-line flags of `pnpm bench`: every setting of a run comes from here. */
import { fileURLToPath } from 'node:url';
import type { Tier } from './suite.js';

/** `reports/bench.json` at the repository root, wherever the command runs from. */
const DEFAULT_JSON = fileURLToPath(new URL('../../../reports/bench.json', import.meta.url));

export interface Options {
  readonly tier: Tier;
  /** Only suites whose name matches run. */
  readonly filter: RegExp | undefined;
  /** Where the JSON results go. */
  readonly json: string;
  /** Seconds each case is sampled at least (benchmark.js `maxTime`; manual cases too). */
  readonly minTime: number;
  /** Interleaved rounds the cases of a suite take turns in. */
  readonly rounds: number;
  /** Seeds every generated workload. */
  readonly seed: number;
}

export const USAGE = `usage: pnpm bench [--quick | --full] [--filter REGEX] [--json FILE] [--min-time SECONDS] [--rounds N] [--seed N]
  --quick            the quick tier (default): every suite at its quick size, 1 s per case
  --full             adds the full-size suites; 5 s per case
  --filter REGEX     only suites whose name matches
  --json FILE        where to write the results (default reports/bench.json at the repo root)
  --min-time SECONDS how long each case is sampled at least (default 1 quick, 5 full)
  --rounds N         rounds in which a suite's cases take turns, so load bursts hit all alike (default 3)
  --seed N           seed of every generated workload (default 1)`;

/** Parses `argv` (without node and the script). Throws a RangeError that says what is wrong. */
export function parseOptions(argv: readonly string[]): Options {
  let tier: Tier = 'quick';
  let filter: RegExp | undefined;
  let json = DEFAULT_JSON;
  let minTime: number | undefined;
  let rounds = 3;
  let seed = 1;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--') continue;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new RangeError(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    const number = (min: number) => {
      const v = value();
      const n = Number(v);
      if (!Number.isFinite(n) || n < min) throw new RangeError(`${flag} ${v}: give a number >= ${min}\n${USAGE}`);
      return n;
    };
    if (flag === '--quick' || flag === '--full') tier = flag === '--full' ? 'full' : 'quick';
    else if (flag === '--filter') filter = new RegExp(value());
    else if (flag === '--json') json = value();
    else if (flag === '--min-time') minTime = number(0.01);
    else if (flag === '--rounds') rounds = Math.trunc(number(1));
    else if (flag === '--seed') seed = Math.trunc(number(0));
    else throw new RangeError(`unknown flag ${flag}\n${USAGE}`);
  }
  return { tier, filter, json, minTime: minTime ?? (tier === 'full' ? 5 : 1), rounds, seed };
}
