/**
 * The law kit on the rope's merge, 1,000 runs per law. On texts whose base
 * characters are all distinct (and never inserted), each side's edit
 * script is unambiguous, so the merge is checked against its semantics
 * stated directly: sweep the base positions, put every side's insertion
 * at its position (ordered by text, equal ones once), keep a base
 * character unless either side deleted it.
 */
import * as fc from 'fast-check';
import { describe, it } from 'vitest';
import { mergeLaws, type Expected, type Versions } from '@grove/merge/laws';
import { mergeable, Rope } from './index.js';

const fromCodes = (codes: readonly number[]) => Rope.from(String.fromCodePoint(...codes));

/** Bases: distinct CJK and astral mathematical letters, up to a few leaves long. */
const baseCode = fc.oneof(fc.integer({ min: 0x4e00, max: 0x9fff }), fc.integer({ min: 0x1d400, max: 0x1d4ff }));
const uniqueBase = fc.oneof(
  { weight: 3, arbitrary: fc.uniqueArray(baseCode, { maxLength: 30 }) },
  { weight: 1, arbitrary: fc.uniqueArray(baseCode, { minLength: 600, maxLength: 2000 }) },
).map(fromCodes);

/** Inserted text never uses a base character: ASCII, CRLF, emoji. */
const inserted = fc.array(fc.constantFrom('a', 'b', 'c', '\r\n', '😀', '🌍'), { minLength: 1, maxLength: 4 }).map((u) => u.join(''));

/** A version derived from `base` by a few deletions and insertions. */
function edited(base: Rope, text: fc.Arbitrary<string>): fc.Arbitrary<Rope> {
  const op = fc.tuple(fc.nat(), fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 4 }), fc.integer({ min: 5, max: 300 })), fc.option(text, { nil: '' }));
  return fc.array(op, { maxLength: 5 }).map((ops) =>
    ops.reduce((r, [at, del, ins]) => {
      const pos = at % (r.length + 1);
      return r.splice(pos, Math.min(del, r.length - pos), ins);
    }, base),
  );
}

interface Script {
  /** Text each side inserts before base position g. */
  readonly inserts: Map<number, string>;
  readonly deleted: Set<number>;
}

/** A side's edits against a base of distinct characters, read off directly. */
function scriptOf(base: readonly string[], side: readonly string[]): Script {
  const kept = new Set(side);
  const inserts = new Map<number, string>();
  const deleted = new Set<number>();
  let hunk: number | undefined;
  let i = 0;
  for (const c of side) {
    while (i < base.length && !kept.has(base[i]!)) {
      hunk ??= i;
      deleted.add(i++);
    }
    if (base[i] === c) {
      hunk = undefined;
      i++;
    } else {
      hunk ??= i;
      inserts.set(hunk, (inserts.get(hunk) ?? '') + c);
    }
  }
  while (i < base.length) deleted.add(i++);
  return { inserts, deleted };
}

function spec({ base, ours, theirs }: Versions<Rope>): Expected<Rope> {
  if (base === undefined) {
    const [o, t] = [ours.toString(), theirs.toString()];
    return { ok: true, value: Rope.from(o === t ? o : o < t ? o + t : t + o) };
  }
  const b = [...base];
  const [x, y] = [scriptOf(b, [...ours]), scriptOf(b, [...theirs])];
  let out = '';
  for (let g = 0; g <= b.length; g++) {
    const here = [x.inserts.get(g), y.inserts.get(g)].filter((s): s is string => s !== undefined).sort();
    out += [...new Set(here)].join('');
    if (g < b.length && !x.deleted.has(g) && !y.deleted.has(g)) out += b[g];
  }
  return { ok: true, value: Rope.from(out) };
}

describe('rope merge laws, with the semantics as oracle (distinct base characters)', () => {
  for (const law of mergeLaws(mergeable, uniqueBase, { edit: (b) => edited(b, inserted), spec })) it(`${law.name}: ${law.description}`, () => law.check());
});

describe('rope merge laws on any text (repeats, CRLF, astral)', () => {
  const unit = fc.constantFrom('a', 'b', ' ', '\r\n', '\n', 'é', '😀');
  const text = fc.oneof(fc.array(unit, { maxLength: 40 }), fc.array(unit, { minLength: 500, maxLength: 2500 })).map((u) => Rope.from(u.join('')));
  const insert = fc.array(unit, { minLength: 1, maxLength: 5 }).map((u) => u.join(''));
  for (const law of mergeLaws(mergeable, text, { edit: (b) => edited(b, insert) })) it(`${law.name}: ${law.description}`, () => law.check());
});
