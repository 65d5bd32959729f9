import { describe, expect, it } from 'vitest';
import { conflictLine, formatValue, isoDate, toJson, valueJson } from './output.js';

describe('toJson', () => {
  it('writes bigints as strings and bytes as base64 under a marker, at any depth', () => {
    expect(toJson({ n: 12345678901234567890n, b: [new Uint8Array([0, 255])], s: 'x', z: null, t: true })).toEqual({
      n: '12345678901234567890',
      b: [{ $base64: 'AP8=' }],
      s: 'x',
      z: null,
      t: true,
    });
  });
});

describe('formatValue and valueJson', () => {
  const hash = 'a'.repeat(40);

  it('print text as is, counters in decimal, JSON as JSON', async () => {
    expect(await formatValue({ hash, tag: 'text', value: 'two\nlines', known: true })).toBe('two\nlines');
    expect(await formatValue({ hash, tag: 'grove/counter@1', value: -3n, known: true })).toBe('-3');
    expect(await formatValue({ hash, tag: 'json', value: { a: [1] }, known: true })).toBe('{"a":[1]}');
  });

  it('show a value of an unknown type (in a diff) as its entry id, never as bytes', async () => {
    const unknown = { hash, tag: 'app/x@1', value: undefined, known: false };
    expect(await valueJson(unknown)).toEqual({ tag: 'app/x@1', hash, known: false, value: { $id: hash } });
    expect(await formatValue(unknown)).toBe(`{"$id":"${hash}"}`);
  });
});

describe('isoDate and conflictLine', () => {
  it('print dates to the second in UTC', () => {
    expect(isoDate(0)).toBe('1970-01-01T00:00:00Z');
    expect(isoDate(1700000000)).toBe('2023-11-14T22:13:20Z');
  });

  it('put the path first', () => {
    expect(conflictLine({ kind: 'both-modified', path: ['docs', 'title'], message: 'both changed it' })).toBe('docs/title both-modified: both changed it');
    expect(conflictLine({ kind: 'type-mismatch', path: [], message: 'm' })).toBe('(root) type-mismatch: m');
  });
});
