/**
 * Code points in UTF-16 strings. Positions in a rope count code points, as
 * the editing traces do; strings index UTF-16 units. A text without astral
 * characters has as many of one as of the other, the common fast case.
 */

/** True for the first unit of a surrogate pair. */
export function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

const HIGH_SURROGATE = /[\ud800-\udbff]/;

/** True for the second unit of a surrogate pair. */
export function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** Code points in a well-formed string. O(length). */
export function countCodePoints(s: string): number {
  if (s.length > 64 && !HIGH_SURROGATE.test(s)) return s.length;
  let pairs = 0;
  for (let i = 0; i < s.length; i++) {
    if (isHighSurrogate(s.charCodeAt(i))) pairs++;
  }
  return s.length - pairs;
}

/** The UTF-16 index of code point `cp` in `s`, which holds `total` code points. */
export function unitIndex(s: string, cp: number, total: number): number {
  if (s.length === total) return cp;
  let i = 0;
  for (let n = 0; n < cp; n++) i += isHighSurrogate(s.charCodeAt(i)) ? 2 : 1;
  return i;
}

/** The code points of `s` as numbers, for diffing. */
export function codePointsOf(s: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    out.push(c);
    if (c > 0xffff) i++;
  }
  return out;
}

/** Where to cut `s` near UTF-16 index `at` without splitting a surrogate pair. */
export function safeCut(s: string, at: number): number {
  return at > 0 && at < s.length && isHighSurrogate(s.charCodeAt(at - 1)) ? at + 1 : at;
}
