/** Ratios to a suite's anchor and the verdict on its target, from one run's measurements. */
import type { CaseResult } from './measure.js';
import type { Suite, Target } from './suite.js';

/** A suite's outcome: its cases, the target case's ratio to the anchor, and whether the target is met. */
export interface SuiteResult {
  readonly name: string;
  readonly unit: string;
  readonly anchor: string;
  /** `speed` (ops/s ÷ anchor's) unless the target judges cost or seconds. */
  readonly measure: 'speed' | 'cost';
  readonly cases: readonly CaseResult[];
  /** The target case's ratio to the anchor, in `measure`; undefined without a target. */
  readonly ratio: number | undefined;
  /** What the target judges: `ratio`, or seconds per operation for a `seconds` target. */
  readonly measured: number | undefined;
  readonly target: Target | undefined;
  readonly met: boolean | undefined;
  /** Wall-clock seconds of each phase of the suite. */
  readonly phases: Phases;
}

export interface Phases {
  readonly setup: number;
  readonly check: number;
  readonly timing: number;
}

/** `c` relative to `anchor`: ops/s ratio for speed, time ratio for cost. */
export function ratioTo(anchor: CaseResult, c: CaseResult, measure: 'speed' | 'cost'): number {
  return measure === 'speed' ? c.hz / anchor.hz : anchor.hz / c.hz;
}

export function judge(suite: Suite, cases: readonly CaseResult[], phases: Phases): SuiteResult {
  const find = (name: string) => {
    const found = cases.find((c) => c.name === name);
    if (found === undefined) throw new Error(`suite ${suite.name} has no case named ${JSON.stringify(name)}`);
    return found;
  };
  const anchor = find(suite.anchor);
  const target = suite.target;
  const measure: SuiteResult['measure'] = target === undefined || target.measure === 'speed' ? 'speed' : 'cost';
  const common = { name: suite.name, unit: suite.unit, anchor: suite.anchor, measure, cases, target, phases };
  if (target === undefined) return { ...common, ratio: undefined, measured: undefined, met: undefined };
  const judged = find(target.case);
  const ratio = ratioTo(anchor, judged, measure);
  const measured = target.measure === 'seconds' ? 1 / judged.hz : ratio;
  const met = target.direction === 'at-least' ? measured >= target.value : measured <= target.value;
  return { ...common, ratio, measured, met };
}
