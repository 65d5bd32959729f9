/** Examples of each combinator, and their typed errors on bad bytes and unencodable values. */
import { describe, expect, it } from 'vitest';
import { codecs, counter, DecodeError, defaultMerge, EncodeError, isGroveError, lww, mapOf, multiset, option, record, setOf, withPath } from '../index.js';

const str = defaultMerge(codecs.string);
const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);

function decodeError(run: () => unknown) {
  try {
    run();
  } catch (e) {
    expect(isGroveError(e)).toBe(true);
    expect(e).toBeInstanceOf(DecodeError);
    return (e as DecodeError).data;
  }
  throw new Error('expected a DecodeError');
}

describe('defaultMerge', () => {
  it('reports both-modified with the path, sides and a message', () => {
    const r = withPath(str, ['docs', 'title']).merge({ base: 'a', ours: 'b', theirs: 'c' });
    expect(r).toEqual({
      ok: false,
      conflicts: [{ kind: 'both-modified', path: ['docs', 'title'], base: 'a', ours: 'b', theirs: 'c', message: expect.stringContaining('docs/title') }],
    });
  });

  it('reports both-added without a common ancestor', () => {
    const r = str.merge({ base: undefined, ours: 'b', theirs: 'c' });
    expect(!r.ok && r.conflicts[0]!.kind).toBe('both-added');
  });
});

describe('option', () => {
  const maybe = option(counter);
  it('keeps a removal against an unchanged side, conflicts against a change', () => {
    expect(maybe.merge({ base: 1n, ours: undefined, theirs: 1n })).toEqual({ ok: true, value: undefined });
    const r = maybe.merge({ base: 1n, ours: 2n, theirs: undefined, path: ['n'] });
    expect(!r.ok && r.conflicts[0]).toMatchObject({ kind: 'deleted-by-theirs', path: ['n'], ours: 2n });
  });
  it('rejects two parts', () => {
    expect(decodeError(() => maybe.decode(bytes('1:1,1:2,'))).reason).toContain('at most one part');
  });
});

describe('record', () => {
  const doc = record({ title: str, views: counter });
  it('merges field by field and reports every conflicting field', () => {
    const base = { title: 'a', views: 1n };
    expect(doc.merge({ base, ours: { title: 'b', views: 2n }, theirs: { title: 'a', views: 5n } })).toEqual({ ok: true, value: { title: 'b', views: 6n } });
    const r = doc.merge({ base, ours: { title: 'b', views: 1n }, theirs: { title: 'c', views: 1n }, path: ['doc'] });
    expect(!r.ok && r.conflicts.map((c) => c.path)).toEqual([['doc', 'title']]);
  });
  it('encodes readable, canonical netstrings', () => {
    expect(text(doc.encode({ views: 3n, title: 'hi' }))).toBe('5:title,2:hi,5:views,1:3,');
  });
  it('rejects a missing field and a wrong field name', () => {
    expect(decodeError(() => doc.decode(bytes('5:title,2:hi,'))).reason).toContain('expected 2 fields');
    expect(decodeError(() => doc.decode(bytes('5:title,2:hi,5:vievs,1:3,'))).reason).toContain('"views"');
  });
});

describe('mapOf', () => {
  const votes = mapOf(counter);
  it('merges values per key, keeps additions and removals', () => {
    const r = votes.merge({
      base: new Map([['a', 1n], ['gone', 1n]]),
      ours: new Map([['a', 2n], ['gone', 4n]]),
      theirs: new Map([['a', 3n], ['b', 1n]]),
    });
    expect(r.ok && [...r.value]).toEqual([['a', 4n], ['b', 1n]]);
  });
  it('puts the key in the path of a value conflict', () => {
    const r = mapOf(str).merge({ base: new Map([['k/1', 'a']]), ours: new Map([['k/1', 'b']]), theirs: new Map([['k/1', 'c']]), path: ['m'] });
    expect(!r.ok && r.conflicts[0]!.path).toEqual(['m', 'k/1']);
  });
  it('rejects keys out of order, odd parts, truncated and lying lengths', () => {
    expect(decodeError(() => votes.decode(bytes('1:b,1:1,1:a,1:1,'))).reason).toContain('increasing');
    expect(decodeError(() => votes.decode(bytes('1:a,'))).reason).toContain('without a value');
    expect(decodeError(() => votes.decode(bytes('1:a,1:1'))).reason).toContain('truncated');
    expect(decodeError(() => votes.decode(bytes('9:a,'))).reason).toMatch(/past the end|truncated/);
    expect(decodeError(() => votes.decode(bytes('01:a,1:1,'))).reason).toContain('leading zero');
    expect(decodeError(() => votes.decode(bytes('1:a,1:x,')))).toMatchObject({ tag: 'bigint' });
  });
});

describe('setOf and multiset', () => {
  it('takes removals and additions from both sides', () => {
    const r = setOf(codecs.string).merge({ base: new Set(['a', 'b']), ours: new Set(['a']), theirs: new Set(['a', 'b', 'c']) });
    expect(r.ok && [...r.value]).toEqual(['a', 'c']);
  });
  it('counts copies from both sides', () => {
    const r = multiset(codecs.string).merge({ base: new Map([['x', 1]]), ours: new Map([['x', 2]]), theirs: new Map([['x', 3], ['y', 1]]) });
    expect(r.ok && [...r.value]).toEqual([['x', 4], ['y', 1]]);
  });
  it('refuses a zero count when encoding', () => {
    expect(() => multiset(codecs.string).encode(new Map([['x', 0]]))).toThrow(EncodeError);
  });
  it('rejects duplicated set elements', () => {
    expect(decodeError(() => setOf(codecs.string).decode(bytes('1:a,1:a,'))).reason).toContain('increasing');
  });
});

describe('lww', () => {
  it('stamps with the injected clock and lets the later write win, whichever side it is on', () => {
    let now = 10;
    const a = lww(codecs.string, { clock: () => now++, replica: 'a' });
    const b = lww(codecs.string, { clock: () => now++, replica: 'b' });
    const base = a.stamp('x');
    const first = a.stamp('y');
    const second = b.stamp('z');
    expect(a.merge({ base, ours: first, theirs: second })).toEqual({ ok: true, value: second });
    expect(a.merge({ base, ours: second, theirs: first })).toEqual({ ok: true, value: second });
  });
});

describe('codecs', () => {
  it('refuses lone surrogates, non-finite numbers and non-JSON values', () => {
    expect(() => codecs.string.encode('\uD800')).toThrow(EncodeError);
    expect(() => codecs.json.encode({ a: [1, Number.NaN] })).toThrow(/non-finite number at \$\.a\[1\]/);
    expect(() => codecs.json.encode({ a: new Date() } as never)).toThrow(EncodeError);
  });
  it('writes JSON with sorted keys and reads hand-written JSON', () => {
    expect(text(codecs.json.encode({ b: 1, a: [true, null] }))).toBe('{"a":[true,null],"b":1}');
    expect(codecs.json.decode(bytes('{ "b": 1 }'))).toEqual({ b: 1 });
    expect(decodeError(() => codecs.json.decode(bytes('{')))).toMatchObject({ tag: 'json' });
  });
  it('reads an integer with the one line end an editor adds, and writes it back canonical', () => {
    expect(codecs.bigint.decode(bytes('15\n'))).toBe(15n);
    expect(codecs.bigint.decode(bytes('-3\r\n'))).toBe(-3n);
    expect(text(codecs.bigint.encode(codecs.bigint.decode(bytes('15\n'))))).toBe('15');
  });
  it('rejects non-canonical integers and invalid UTF-8', () => {
    for (const bad of ['-0', '007', '1e3', '', ' 1', '15\n\n', '\n', '1 \n']) expect(decodeError(() => codecs.bigint.decode(bytes(bad))).tag).toBe('bigint');
    expect(decodeError(() => codecs.string.decode(new Uint8Array([0xff, 0xfe]))).reason).toContain('UTF-8');
  });
});
