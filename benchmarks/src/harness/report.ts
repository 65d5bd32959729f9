/** The two outputs of a run: a short table per suite for people, one JSON document for tools. */
import { cpus } from 'node:os';
import { ratioTo, type SuiteResult } from './judge.js';
import type { Options } from './options.js';

function formatNumber(n: number): string {
  if (n >= 100) return Math.round(n).toLocaleString('en-US');
  return n >= 10 ? n.toFixed(1) : n.toPrecision(3);
}

function pad(cells: readonly string[][]): string {
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((row) => row[i]!.length)));
  return cells.map((row) => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ')).join('\n');
}

/** What the target says and whether it was met, in one line. */
export function verdict(r: SuiteResult): string {
  if (r.target === undefined) return 'no target';
  const value = r.target.measure === 'seconds' ? `${formatNumber(r.measured!)} s` : `${formatNumber(r.measured!)}x`;
  const bound = `${r.target.direction === 'at-least' ? '>=' : '<='} ${r.target.value}${r.target.measure === 'seconds' ? ' s' : 'x'}`;
  return `${r.target.description}: ${value} (target ${bound}) ${r.met ? 'met' : 'MISSED'}`;
}

/** The human table: case, ops/s, ±rme, samples, ratio to the anchor, how it was timed. */
export function formatSuite(r: SuiteResult): string {
  const anchor = r.cases.find((c) => c.name === r.anchor)!;
  const header = ['case', `${r.unit}/s`, '±rme', 'samples', `${r.measure} vs anchor`, 'timing', 'target met'];
  const rows = r.cases.map((c) => [
    c.name + (c.name === r.anchor ? ' (anchor)' : ''),
    formatNumber(c.hz),
    `${c.rme.toFixed(1)}%`,
    String(c.samples),
    `${formatNumber(ratioTo(anchor, c, r.measure))}x`,
    c.timing,
    c.name === r.target?.case ? (r.met ? 'yes' : 'no') : '',
  ]);
  const { setup, check, timing } = r.phases;
  return `${pad([header, ...rows])}\n${verdict(r)}\n(setup ${setup.toFixed(1)} s, check ${check.toFixed(1)} s, timing ${timing.toFixed(1)} s)`;
}

/** The stable JSON document of a run. */
export function resultsDocument(options: Options, suites: readonly SuiteResult[], now: Date) {
  const cpu = cpus();
  return {
    date: now.toISOString(),
    node: process.version,
    machine: `${cpu.length} x ${cpu[0]?.model.trim() ?? 'unknown cpu'}`,
    tier: options.tier,
    seed: options.seed,
    minTime: options.minTime,
    rounds: options.rounds,
    suites: suites.map((s) => ({
      name: s.name,
      unit: s.unit,
      anchor: s.anchor,
      measure: s.measure,
      cases: s.cases.map((c) => ({ name: c.name, hz: c.hz, rme: c.rme, samples: c.samples, timing: c.timing })),
      ratio: s.ratio ?? null,
      measured: s.measured ?? null,
      target: s.target ?? null,
      met: s.met ?? null,
      phases: s.phases,
    })),
  };
}
