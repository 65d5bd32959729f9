/**
 * Model-based test: random sequences of inserts, deletes and slices run on a
 * rope and on an array of code points, with astral characters and CRLF;
 * after every step length, `at`, iteration and the text agree.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rope } from './index.js';

interface Real {
  rope: Rope;
}
type Model = { text: string[] };

const unit = fc.constantFrom('a', 'b', ' ', '\r\n', '\n', '\r', 'é', '中', '😀', '𝄞');
/** Mostly short texts, sometimes long enough to split leaves. */
const textArb = fc.oneof(
  { weight: 4, arbitrary: fc.array(unit, { maxLength: 8 }).map((u) => u.join('')) },
  { weight: 1, arbitrary: fc.array(unit, { minLength: 300, maxLength: 1500 }).map((u) => u.join('')) },
);

function agree(m: Model, r: Real): void {
  expect(r.rope.length).toBe(m.text.length);
  expect(r.rope.toString()).toBe(m.text.join(''));
  expect([...r.rope]).toEqual(m.text);
}

class Insert implements fc.Command<Model, Real> {
  constructor(readonly at: number, readonly text: string) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const pos = this.at % (m.text.length + 1);
    m.text.splice(pos, 0, ...this.text);
    r.rope = r.rope.insert(pos, this.text);
    agree(m, r);
  }
  toString = () => `insert(${this.at}, ${JSON.stringify(this.text)})`;
}

class Delete implements fc.Command<Model, Real> {
  constructor(readonly at: number, readonly count: number) {}
  check = (m: Readonly<Model>) => m.text.length > 0;
  run(m: Model, r: Real): void {
    const pos = this.at % m.text.length;
    const count = Math.min(this.count, m.text.length - pos);
    m.text.splice(pos, count);
    r.rope = r.rope.delete(pos, count);
    agree(m, r);
  }
  toString = () => `delete(${this.at}, ${this.count})`;
}

class Slice implements fc.Command<Model, Real> {
  constructor(readonly a: number, readonly b: number) {}
  check = () => true;
  run(m: Model, r: Real): void {
    const [x, y] = [this.a % (m.text.length + 1), this.b % (m.text.length + 1)].sort((p, q) => p - q);
    m.text = m.text.slice(x, y);
    r.rope = r.rope.slice(x, y);
    agree(m, r);
  }
  toString = () => `slice(${this.a}, ${this.b})`;
}

class At implements fc.Command<Model, Real> {
  constructor(readonly at: number) {}
  check = (m: Readonly<Model>) => m.text.length > 0;
  run(m: Model, r: Real): void {
    const pos = this.at % m.text.length;
    expect(r.rope.at(pos)).toBe(m.text[pos]);
    expect(r.rope.at(pos - m.text.length)).toBe(m.text[pos]);
  }
  toString = () => `at(${this.at})`;
}

const commands = [
  fc.tuple(fc.nat(), textArb).map(([a, t]) => new Insert(a, t)),
  fc.tuple(fc.nat(), fc.oneof(fc.integer({ min: 1, max: 5 }), fc.nat(3000))).map(([a, n]) => new Delete(a, n)),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => new Slice(a, b)),
  fc.nat().map((a) => new At(a)),
];

describe('Rope against an array of code points', () => {
  it('agrees after any sequence of edits', () => {
    fc.assert(
      fc.property(textArb, fc.commands(commands, { maxCommands: 60 }), (start, cmds) => {
        fc.modelRun(() => ({ model: { text: [...start] }, real: { rope: Rope.from(start) } }), cmds);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees on many small edits that split and merge leaves', () => {
    const small = [
      fc.tuple(fc.nat(), fc.array(unit, { minLength: 1, maxLength: 3 }).map((u) => u.join(''))).map(([a, t]) => new Insert(a, t)),
      fc.tuple(fc.nat(), fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 50, max: 300 }))).map(([a, n]) => new Delete(a, n)),
    ];
    fc.assert(
      fc.property(fc.array(unit, { minLength: 500, maxLength: 3000 }).map((u) => u.join('')), fc.commands(small, { maxCommands: 300 }), (start, cmds) => {
        fc.modelRun(() => ({ model: { text: [...start] }, real: { rope: Rope.from(start) } }), cmds);
      }),
      { numRuns: 40 },
    );
  });

  it('agrees on large texts cut by long deletions, which merge inner nodes', () => {
    const cuts = [
      fc.tuple(fc.nat(), fc.integer({ min: 100, max: 6000 })).map(([a, n]) => new Delete(a, n)),
      fc.tuple(fc.nat(), textArb).map(([a, t]) => new Insert(a, t)),
      fc.nat().map((a) => new At(a)),
    ];
    const large = fc.array(unit, { minLength: 20, maxLength: 40 }).map((u) => u.join('').repeat(1500));
    fc.assert(
      fc.property(large, fc.commands(cuts, { maxCommands: 40 }), (start, cmds) => {
        fc.modelRun(() => ({ model: { text: [...start] }, real: { rope: Rope.from(start) } }), cmds);
      }),
      { numRuns: 15 },
    );
  });
});
