/** The merge semantics of README.md, one example per rule, in memory. */
import { describe, expect, it } from 'vitest';
import { decode, empty, encode, equals, merge, Rope } from './index.js';

const text = (base: string | undefined, ours: string, theirs: string) => {
  const r = merge({ base: base === undefined ? undefined : Rope.from(base), ours: Rope.from(ours), theirs: Rope.from(theirs) });
  if (!r.ok) throw new Error('a text merge conflicted');
  return r.value.toString();
};

describe('merge', () => {
  it('applies edits of both sides that do not overlap', () => {
    expect(text('the cat sat', 'the black cat sat', 'the cat slept')).toBe('the black cat slept');
  });

  it('keeps both inserts at one position, ordered by text whichever side is ours', () => {
    expect(text('ab', 'aXb', 'aYb')).toBe('aXYb');
    expect(text('ab', 'aYb', 'aXb')).toBe('aXYb');
  });

  it('takes the same insert at the same position once', () => {
    expect(text('ab', 'aXb', 'aXb')).toBe('aXb');
    expect(text('ab', 'aXbZ', 'aXb')).toBe('aXbZ');
  });

  it('deletes the union of overlapping deletions', () => {
    expect(text('0123456789', '01256789', '01234789')).toBe('012789');
  });

  it('keeps text inserted inside a range the other side deleted', () => {
    expect(text('hello big world', 'hello world', 'hello big new world')).toBe('hello new world');
  });

  it('replaces: the deletion of both sides, then both texts', () => {
    expect(text('one two three', 'one 2 three', 'one deux three')).toBe('one 2deux three');
  });

  it('counts positions in code points, astral characters and CRLF included', () => {
    expect(text('a😀b\r\nc', 'a😀Xb\r\nc', 'a😀b\r\n🌍c')).toBe('a😀Xb\r\n🌍c');
    expect(text('line 1\r\nline 2\r\n', 'line 1\r\n', 'line one\r\nline 2\r\n')).toBe('line one\r\n');
  });

  it('merges large texts that share their nodes, edits far apart', () => {
    const base = Rope.from(Array.from({ length: 5000 }, (_, i) => `line ${i}\n`).join(''));
    const ours = base.insert(100, 'OURS').delete(30_000, 7);
    const theirs = base.insert(20_000, 'THEIRS').delete(5, 2);
    const r = merge({ base, ours, theirs });
    // in base positions, from the end: ours deleted [29996, 30003), theirs inserted at 20000, ours at 100, theirs deleted [5, 7)
    expect(r.ok && r.value.toString()).toBe(base.delete(29_996, 7).insert(20_000, 'THEIRS').insert(100, 'OURS').delete(5, 2).toString());
  });

  it('without a base keeps equal texts once and different ones both, the smaller first', () => {
    expect(text(undefined, 'same', 'same')).toBe('same');
    expect(text(undefined, 'zeta', 'alpha')).toBe('alphazeta');
  });

  it('speaks the verbs of every Grove type', () => {
    const r = Rope.from('é😀\r\n');
    expect(Buffer.from(encode(r)).toString('utf8')).toBe('é😀\r\n');
    expect(equals(decode(encode(r)), r)).toBe(true);
    expect(empty().length).toBe(0);
    expect(() => decode(new Uint8Array([0xff]))).toThrow(expect.objectContaining({ code: 'decode-error' }));
  });
});
