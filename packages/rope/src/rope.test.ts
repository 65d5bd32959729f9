/** The rope's operations on examples: code point positions, astral characters, CRLF, errors. */
import { describe, expect, it } from 'vitest';
import { Rope } from './index.js';

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('Rope', () => {
  it('edits text by code point positions', () => {
    const a = Rope.from('hello world');
    const b = a.insert(5, ',').delete(7, 5).insert(7, '🌍');
    expect(b.toString()).toBe('hello, 🌍');
    expect(b.length).toBe(8);
    expect(b.at(7)).toBe('🌍');
    expect(b.at(-1)).toBe('🌍');
    expect(b.at(8)).toBeUndefined();
    expect(a.toString()).toBe('hello world');
  });

  it('counts an astral character as one position and CRLF as two', () => {
    const r = Rope.from('a😀b\r\nc𝄞');
    expect(r.length).toBe(7);
    expect([...r]).toEqual(['a', '😀', 'b', '\r', '\n', 'c', '𝄞']);
    expect(r.delete(1, 1).toString()).toBe('ab\r\nc𝄞');
    expect(r.delete(3, 1).toString()).toBe('a😀b\nc𝄞');
    expect(r.insert(6, '\r\n').toString()).toBe('a😀b\r\nc\r\n𝄞');
    expect(r.slice(1, 5).toString()).toBe('😀b\r\n');
  });

  it('keeps long texts with astral characters whole across leaves', () => {
    const text = '😀x'.repeat(5000) + '\r\n'.repeat(3000);
    const r = Rope.from(text);
    expect(r.length).toBe(16_000);
    expect(r.toString()).toBe(text);
    expect([...r.chunks()].join('')).toBe(text);
    expect([...r.chunks()].every((c) => c.isWellFormed())).toBe(true);
    expect(r.at(9999)).toBe('x');
    expect(r.at(10_000)).toBe('\r');
    const cut = r.delete(3, 9990);
    expect(cut.toString()).toBe('😀x😀' + 'x😀'.repeat(3) + 'x' + '\r\n'.repeat(3000));
  });

  it('slices in place of substring, sharing nodes', () => {
    const text = Array.from({ length: 2000 }, (_, i) => `line ${i}\n`).join('');
    const r = Rope.from(text);
    expect(r.slice(1000, 5000).toString()).toBe(text.slice(1000, 5000));
    expect(r.slice().toString()).toBe(text);
    expect(r.slice(7).toString()).toBe(text.slice(7));
    expect(r.slice(3, 3).length).toBe(0);
  });

  it('applies trace patches with splice', () => {
    expect(Rope.from('abcdef').splice(2, 2, 'XYZ').toString()).toBe('abXYZef');
    expect(Rope.empty.splice(0, 0, 'x').toString()).toBe('x');
  });

  it('compares texts however they were built', () => {
    const a = Rope.from('x'.repeat(3000));
    const b = Rope.from('x'.repeat(1000)).insert(1000, 'x'.repeat(2000));
    expect(a.equals(b)).toBe(true);
    expect(a.equals(b.delete(0, 1))).toBe(false);
    expect(a.equals(b.splice(2999, 1, 'y'))).toBe(false);
  });

  it('refuses positions outside the text with out-of-range', () => {
    const r = Rope.from('abc');
    expect(codeOf(() => r.insert(4, 'x'))).toBe('out-of-range');
    expect(codeOf(() => r.insert(-1, 'x'))).toBe('out-of-range');
    expect(codeOf(() => r.insert(1.5, 'x'))).toBe('out-of-range');
    expect(codeOf(() => r.delete(2, 2))).toBe('out-of-range');
    expect(codeOf(() => r.slice(2, 1))).toBe('out-of-range');
    expect(codeOf(() => r.slice(0, 4))).toBe('out-of-range');
  });

  it('refuses lone surrogates with invalid-text', () => {
    expect(codeOf(() => Rope.from('a\ud800'))).toBe('invalid-text');
    expect(codeOf(() => Rope.from('abc').insert(1, '\udc00'))).toBe('invalid-text');
  });
});
