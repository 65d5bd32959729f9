/**
 * `pnpm bench`: runs the selected suites in order, prints a table per suite
 * and writes the JSON results. Flags: see `USAGE` in harness/options.ts.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { SuiteResult } from './harness/judge.js';
import { parseOptions } from './harness/options.js';
import { formatSuite, resultsDocument, verdict } from './harness/report.js';
import { runSuite } from './harness/run-suite.js';
import { allSuites } from './suites/index.js';

const options = parseOptions(process.argv.slice(2));
const selected = allSuites(options.seed).filter((s) => (options.tier === 'full' || s.tier === 'quick') && (options.filter?.test(s.name) ?? true));
if (selected.length === 0) throw new Error(`no suite matches ${options.filter}; names: ${allSuites(options.seed).map((s) => s.name).join(', ')}`);

const started = performance.now();
const results: SuiteResult[] = [];
console.log(`${options.tier} tier, seed ${options.seed}, at least ${options.minTime} s per case in ${options.rounds} rounds, ${selected.length} suites\n`);
// Suites leave the list as they run, so the garbage collector frees each workload before the next.
for (let suite = selected.shift(); suite !== undefined; suite = selected.shift()) {
  console.log(`## ${suite.name}`);
  const result = await runSuite(suite, options);
  results.push(result);
  console.log(`${formatSuite(result)}\n`);
}

const file = resolve(options.json);
await mkdir(dirname(file), { recursive: true });
await writeFile(file, `${JSON.stringify(resultsDocument(options, results, new Date()), null, 2)}\n`);
console.log('## summary');
for (const r of results) console.log(`${r.name}: ${verdict(r)}`);
console.log(`\n${((performance.now() - started) / 1000).toFixed(1)} s; results in ${file}`);
