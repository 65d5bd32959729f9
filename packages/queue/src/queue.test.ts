/** Examples of the queue as a value: the verbs, stamps, merge, errors and the one-blob encoding. */
import { codecs, isGroveError } from '@grove/merge';
import { describe, expect, it } from 'vitest';
import { compareStamps, formatStamp, queue, type Queue } from './index.js';

let now = 100;
const clock = () => now;
const Jobs = queue(codecs.string, { replica: 'ada', clock });
const fill = (values: string[], q = Jobs.empty()) => values.reduce((acc, v) => Jobs.push(acc, v), q);
const rest = (q: Queue<string>) => {
  const r = Jobs.pop(q);
  if (!r.ok) throw r.error;
  return r.queue;
};
const stamps = (q: Queue<string>) => [...q.elements()].map((e) => formatStamp(e.stamp));

describe('a queue', () => {
  it('pushes at the tail and pops from the head; old versions stay as they were', () => {
    const q = fill(['build', 'test', 'deploy']);
    expect([q.size, q.peek()?.value, [...q]]).toEqual([3, 'build', ['build', 'test', 'deploy']]);
    const r = Jobs.pop(q);
    expect(r.ok && [r.value, [...r.queue]]).toEqual(['build', ['test', 'deploy']]);
    const a = Jobs.push(q, 'a');
    const b = Jobs.push(q, 'b');
    expect([[...a], [...b], [...q]]).toEqual([
      ['build', 'test', 'deploy', 'a'],
      ['build', 'test', 'deploy', 'b'],
      ['build', 'test', 'deploy'],
    ]);
  });

  it('returns an empty-queue error when there is nothing to pop', () => {
    const r = Jobs.pop(Jobs.empty());
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.error.code, isGroveError(r.error), r.error.message]).toEqual(['empty-queue', true, 'the queue is empty; check size (or peek) before popping']);
    expect(Jobs.empty().peek()).toBeUndefined();
  });

  it('stamps pushes above the queue clock, even when the wall clock goes back', () => {
    now = 100;
    const q = fill(['a', 'b']);
    now = 50;
    const later = fill(['c'], q);
    expect(stamps(later)).toEqual(['100.0.ada', '100.1.ada', '100.2.ada']);
    now = 200;
    expect(stamps(fill(['d'], later)).at(-1)).toBe('200.0.ada');
    expect(compareStamps({ time: 1, seq: 9, replica: 'z' }, { time: 2, seq: 0, replica: 'a' })).toBeLessThan(0);
  });

  it('keeps popping cheap on a long-lived queue (compaction keeps every version valid)', () => {
    let q = fill(Array.from({ length: 5000 }, (_, i) => `v${i}`));
    const old = q;
    for (let i = 0; i < 4000; i++) {
      const r = Jobs.pop(q);
      if (r.ok) q = Jobs.push(r.queue, `w${i}`);
    }
    expect([q.size, q.peek()?.value, [...q].at(-1)]).toEqual([5000, 'v4000', 'w3999']);
    expect([old.size, old.peek()?.value]).toEqual([5000, 'v0']);
  });

  it('refuses replica ids, fanouts and clocks it cannot use', () => {
    expect(() => queue(codecs.string, { replica: 'a b' })).toThrow(expect.objectContaining({ code: 'invalid-option' }));
    expect(() => queue(codecs.string, { fanout: 48 })).toThrow(expect.objectContaining({ code: 'invalid-option' }));
    const broken = queue(codecs.string, { replica: 'x', clock: () => Number.NaN });
    expect(() => broken.push(broken.empty(), 'a')).toThrow(expect.objectContaining({ code: 'invalid-clock' }));
    expect(queue(codecs.string).replica).toMatch(/^[0-9a-f]{16}$/);
    expect(queue(codecs.string, { fanout: 16 }).tag).toBe('grove/queue@1(string,fanout=16)');
  });
});

describe('merge', () => {
  it('keeps the base minus what either side popped, then both sides pushes in stamp order, and reports double pops', () => {
    const Bob = queue(codecs.string, { replica: 'bob', clock });
    now = 1;
    const base = fill(['a', 'b', 'c']);
    now = 5;
    const ours = Jobs.push(rest(base), 'x');
    now = 3;
    const theirs = Bob.push(rest(rest(base)), 'y');
    const merged = Jobs.merge({ base, ours, theirs });
    expect([...merged.value]).toEqual(['c', 'y', 'x']);
    expect(merged.deliveredTwice.map((e) => e.value)).toEqual(['a']);
    expect(Jobs.equals(Jobs.merge({ base, ours: theirs, theirs: ours }).value, merged.value)).toBe(true);
    expect(formatStamp(merged.value.clock!)).toBe('5.0.ada');
  });
});

describe('the one-blob encoding', () => {
  it('is readable text: a clock line, then a line per element and its value', () => {
    now = 7;
    expect(Buffer.from(Jobs.encode(fill(['hi', 'two\nlines']))).toString()).toBe('7.1.ada\n7.0.ada 2\nhi\n7.1.ada 9\ntwo\nlines\n');
    expect(Buffer.from(Jobs.encode(Jobs.empty())).toString()).toBe('-\n');
  });

  it.each([
    ['no clock line', 'x', 0],
    ['a bad stamp', '5.0.a\n5.0 1\nx\n', 6],
    ['a length with a leading zero', '5.0.a\n5.0.a 01\nx\n', 6],
    ['stamps out of order', '5.0.a\n5.0.a 1\nx\n4.0.a 1\ny\n', 16],
    ['a truncated value', '5.0.a\n5.0.a 3\nx\n', 6],
    ['a clock behind the elements', '4.0.a\n5.0.a 1\nx\n', 0],
    ['a time with a leading zero', '05.0.a\n', 0],
    ['an empty replica id', '5.0.\n', 0],
    ['a replica id with a character outside A-Z a-z 0-9 . _ -', '5.0.é\n', 0],
    [`a replica id longer than 64`, `5.0.${'r'.repeat(65)}\n`, 0],
    ['a time beyond the safe integers', '9007199254740993.0.a\n', 0],
  ])('rejects %s with a DecodeError at the offset', (_, text, offset) => {
    expect(() => Jobs.decode(Buffer.from(text))).toThrow(expect.objectContaining({ code: 'decode-error', data: expect.objectContaining({ offset }) }));
  });
});
