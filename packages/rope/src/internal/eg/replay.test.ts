/**
 * Examples: linear histories, determinism, word runs that stay whole, the
 * two non-converging cases of issue 10 as named regressions, and the
 * typed errors.
 */
import { describe, expect, it } from 'vitest';
import { isGroveError } from '@grove/merge';
import { randomTopoOrder, Replicas, applyOps, seeded, textInOrder } from './replica-model.js';
import { replay, transform, type Span, type TextEvent as Event, type TextOp as Op } from './index.js';

const ins = (pos: number, text: string): Op => ({ kind: 'insert', pos, text });
const del = (pos: number, count: number): Op => ({ kind: 'delete', pos, count });

/** Each replica types `word` one character per event, starting at `pos`. */
function type(reps: Replicas, r: number, pos: number, word: string): void {
  Array.from(word).forEach((char, i) => reps.edit(r, [ins(pos + i, char)]));
}

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (error) {
    return isGroveError(error) ? error.code : 'not a GroveError';
  }
  return undefined;
}

describe('replay', () => {
  it('returns the base for no events', () => {
    expect(replay('héllo 😀', [])).toBe('héllo 😀');
  });

  it('replays a linear history as plain sequential editing', () => {
    const steps: Op[][] = [[ins(0, 'hello')], [ins(5, ' world'), del(0, 1)], [ins(0, 'H😀'), del(2, 1)], [del(3, 4), ins(3, '𝄞x')]];
    const reps = new Replicas('', 1);
    let expected = '';
    for (const ops of steps) {
      reps.edit(0, ops);
      expected = applyOps(expected, ops);
      expect(reps.text(0)).toBe(expected);
    }
    expect(expected).toBe('H😀l𝄞xorld');
  });

  it('counts astral characters as one position', () => {
    const events: Event[] = [{ id: 'a', parents: [], ops: [ins(1, 'x'), del(3, 1)] }];
    expect(replay('😀😀😀', events)).toBe('😀x😀');
  });

  it('gives the same text whatever order the events come in', () => {
    const reps = new Replicas('base', 3);
    reps.edit(0, [ins(0, 'x')]);
    reps.edit(1, [ins(4, 'y'), del(0, 1)]);
    reps.edit(2, [ins(2, 'z')]);
    reps.merge(0, 1);
    reps.merge(0, 2);
    const events = reps.eventsOf(0);
    const expected = replay('base', events);
    expect(replay('base', [...events].reverse())).toBe(expected);
    for (let seed = 0; seed < 20; seed++) {
      expect(textInOrder('base', randomTopoOrder(events, seeded(seed)))).toBe(expected);
    }
  });

  it('keeps two words typed concurrently at one place whole', () => {
    const reps = new Replicas('[]', 2);
    type(reps, 0, 1, 'hello');
    type(reps, 1, 1, 'world');
    reps.merge(0, 1);
    expect(['[helloworld]', '[worldhello]']).toContain(reps.text(0));
    reps.merge(1, 0);
    expect(reps.text(1)).toBe(reps.text(0));
  });

  it('keeps words typed backwards (cursor fixed) whole', () => {
    const reps = new Replicas('[]', 2);
    for (const char of 'cba') reps.edit(0, [ins(1, char)]);
    for (const char of 'zyx') reps.edit(1, [ins(1, char)]);
    reps.merge(0, 1);
    expect(['[abcxyz]', '[xyzabc]']).toContain(reps.text(0));
  });

  it('keeps a word whole when the other side typed at the same place and then more', () => {
    const reps = new Replicas('', 2);
    type(reps, 0, 0, 'abc');
    type(reps, 1, 0, 'xyz');
    reps.edit(1, [ins(0, '>')]);
    reps.merge(0, 1);
    expect(['abc>xyz', '>xyzabc']).toContain(reps.text(0));
  });
});

describe('issue 10 regressions', () => {
  it('(a) a character deleted in a criss-cross history stays deleted', () => {
    const reps = new Replicas('', 4);
    reps.edit(3, [ins(0, 'A')]);
    reps.merge(1, 3);
    reps.edit(3, [del(0, 1)]);
    reps.edit(0, [ins(0, 'B')]);
    reps.edit(1, [ins(0, 'C')]);
    reps.merge(1, 0);
    reps.edit(0, [ins(1, 'D')]);
    reps.merge(2, 0);
    reps.merge(2, 3);
    reps.merge(2, 1);
    const merged = reps.text(2);
    expect(merged).not.toContain('A');
    // A ('r3.0') and B ('r0.3') were both typed into the empty base: A's id is
    // greater, so B's run comes first; C hangs before A.
    expect(merged).toBe('BDC');
    reps.merge(0, 3);
    reps.merge(0, 1);
    reps.merge(3, 1);
    reps.merge(3, 0);
    reps.merge(1, 2);
    for (const r of [0, 1, 3]) expect(reps.text(r)).toBe(merged);
  });

  it('(b) inserts of A, C, B at position 0 agree whatever the merge order', () => {
    const reps = new Replicas('', 6);
    reps.edit(0, [ins(0, 'A')]);
    reps.edit(1, [ins(0, 'C')]);
    reps.edit(2, [ins(0, 'B')]);
    const orders = [
      [0, 1, 2],
      [0, 2, 1],
      [2, 1, 0],
    ];
    orders.forEach((order, i) => {
      const r = 3 + i;
      const [first, second, third] = order as [number, number, number];
      reps.merge(r, first);
      reps.merge(r, second);
      const pair = reps.text(r);
      reps.merge(r, third);
      const all = reps.text(r);
      const late = ['A', 'C', 'B'][third]!;
      expect(all.replace(late, '')).toBe(pair);
    });
    expect(reps.text(4)).toBe(reps.text(3));
    expect(reps.text(5)).toBe(reps.text(3));
    // Same origins (document start and end): ordered by event id, r0.0 (A) < r1.1 (C) < r2.2 (B).
    expect(reps.text(3)).toBe('ACB');
  });
});

describe('the README walk', () => {
  it('replays the pictured DAG to CBD', () => {
    const events: Event[] = [
      { id: 'e1', parents: [], ops: [ins(0, 'A')] },
      { id: 'e2', parents: ['e1'], ops: [del(0, 1)] },
      { id: 'e3', parents: [], ops: [ins(0, 'B')] },
      { id: 'e4', parents: ['e1'], ops: [ins(0, 'C')] },
      { id: 'e5', parents: ['e3'], ops: [ins(1, 'D')] },
      { id: 'm1', parents: ['e4', 'e3'], ops: [] },
      { id: 'm2', parents: ['e5', 'e2'], ops: [] },
      { id: 'm3', parents: ['m1', 'm2'], ops: [] },
    ];
    expect(replay('', events)).toBe('CBD');
  });
});

describe('transform', () => {
  it('gives a merge event the merged document its parents make, as spans, and runs the ops it returns', () => {
    let seen: readonly Span[] = [];
    const edits = transform(2, [
      { id: 'x', parents: [], ops: [{ kind: 'insert', pos: 1, len: 3 }] },
      { id: 'y', parents: [], ops: [{ kind: 'delete', pos: 0, count: 1 }] },
      {
        id: 'z',
        parents: ['x', 'y'],
        ops: (spans) => {
          seen = spans;
          return [{ kind: 'delete', pos: 1, count: 1 }];
        },
      },
    ], new Set(['x']));
    expect(seen).toEqual([
      { event: 'x', op: 0, offset: 0, len: 3 },
      { event: null, op: 0, offset: 1, len: 1 },
    ]);
    // From the known document ("a" x x x "b"): y deletes "a", z the second x.
    expect(edits).toEqual([
      { kind: 'delete', pos: 0, count: 1 },
      { kind: 'delete', pos: 1, count: 1 },
    ]);
  });
});

describe('errors', () => {
  const e = (id: string, parents: string[], ops: Op[] = []): Event => ({ id, parents, ops });

  it('refuses a malformed graph with a typed error', () => {
    expect(codeOf(() => replay('', [e('a', []), e('a', [])]))).toBe('duplicate-event');
    expect(codeOf(() => replay('', [e('a', ['z'])]))).toBe('unknown-parent');
    expect(codeOf(() => replay('', [e('a', ['b']), e('b', ['a']), e('c', [])]))).toBe('cycle');
  });

  it('refuses a known set that does not hold its ancestors', () => {
    const events = [
      { id: 'a', parents: [], ops: [] },
      { id: 'b', parents: ['a'], ops: [] },
    ];
    expect(codeOf(() => transform(0, events, new Set(['b'])))).toBe('open-known');
  });

  it('refuses ops outside the text their author saw', () => {
    expect(codeOf(() => replay('ab', [e('a', [], [ins(3, 'x')])]))).toBe('out-of-range');
    expect(codeOf(() => replay('ab', [e('a', [], [del(1, 2)])]))).toBe('out-of-range');
    expect(codeOf(() => replay('ab', [e('a', [], [del(-1, 1)])]))).toBe('out-of-range');
    expect(codeOf(() => replay('ab', [e('a', [], [ins(0.5, 'x')])]))).toBe('out-of-range');
    expect(codeOf(() => replay('ab', [e('a', [], [del(0, 2), ins(0, 'x')])]))).toBeUndefined();
  });
});
