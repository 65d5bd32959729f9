/**
 * Edit scripts on text: hunks that replace code points of an old text
 * with new text, found by trimming the common prefix and suffix and running
 * Myers on the code points in between.
 */
import { codePointsOf, countCodePoints, isHighSurrogate, isLowSurrogate } from './code-points.js';
import { diffSegments } from './myers.js';

/** Replace code points [start, end) of the old text with `text`; the insertion sits at `start`. */
export interface Hunk {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Past this many edits in one changed region, the region is replaced whole instead. */
const MAX_EDITS = 2000;

function fromCodePoints(cps: readonly number[], start: number, end: number): string {
  let out = '';
  for (let i = start; i < end; i += 4096) out += String.fromCodePoint(...cps.slice(i, Math.min(end, i + 4096)));
  return out;
}

/** The hunks turning `a` into `b`, positions offset by `at`, in order. O((N+M)D). */
export function diffText(a: string, b: string, at: number): Hunk[] {
  let p = 0;
  while (p < a.length && p < b.length && a.charCodeAt(p) === b.charCodeAt(p)) p++;
  if (p > 0 && isHighSurrogate(a.charCodeAt(p - 1))) p--;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a.charCodeAt(a.length - 1 - s) === b.charCodeAt(b.length - 1 - s)) s++;
  if (s > 0 && isLowSurrogate(a.charCodeAt(a.length - s))) s--;
  const x = codePointsOf(a.slice(p, a.length - s));
  const y = codePointsOf(b.slice(p, b.length - s));
  if (x.length === 0 && y.length === 0) return [];
  const from = at + countCodePoints(a.slice(0, p));
  const segments = diffSegments(x.length, y.length, (i, j) => x[i] === y[j], MAX_EDITS) ?? [{ aStart: 0, aEnd: x.length, bStart: 0, bEnd: y.length }];
  return segments.map((g) => ({ start: from + g.aStart, end: from + g.aEnd, text: fromCodePoints(y, g.bStart, g.bEnd) }));
}
