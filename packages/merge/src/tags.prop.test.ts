/** The tag grammar: every term prints to a tag that parses back to it, and printing is canonical. */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeTag, formatTag, parseTag, type TypeTerm } from './index.js';

const name = fc.stringMatching(/^[A-Za-z0-9/@._+-]{1,12}$/);
/** Words that print bare and words that need JSON quoting (commas, colons, quotes, spaces, unicode). */
const word = fc.oneof(fc.stringMatching(/^[A-Za-z0-9._-]{1,8}$/), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }));
const key = fc.stringMatching(/^[A-Za-z0-9_-]{1,6}$/);

const options = fc.dictionary(key, word, { maxKeys: 2, noNullPrototype: true });
const { term } = fc.letrec<{ term: TypeTerm }>((tie) => ({
  term: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ name, args: fc.constant([]), options }),
    fc.record({ name, args: fc.array(tie('term'), { maxLength: 3 }), options }),
    fc.record({ name, args: fc.constant([]), options, fields: fc.uniqueArray(fc.tuple(word, tie('term')), { minLength: 1, maxLength: 3, selector: ([label]) => label }) }),
  ),
}));

/** The same term with record fields in label order, as the canonical print lists them. */
function sorted(t: TypeTerm): TypeTerm {
  const base = { name: t.name, args: t.args.map(sorted), options: { ...t.options } };
  if (t.fields === undefined) return base;
  const fields = [...t.fields].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([l, f]) => [l, sorted(f)] as const);
  return { ...base, fields };
}

describe('type tags', () => {
  it('parse back to the term they print, and print canonically', () => {
    fc.assert(
      fc.property(term, (t) => {
        const tag = formatTag(t);
        const back = parseTag(tag);
        expect(back).toEqual(sorted(t));
        expect(formatTag(back)).toBe(tag);
      }),
      { numRuns: 2000 },
    );
  });

  it('compose the tags combinators write', () => {
    expect(composeTag('grove/queue@1', ['json'], { fanout: '8' })).toBe('grove/queue@1(json,fanout=8)');
    expect(composeTag('grove/record@1', [], {}, [['y', 'grove/max@1'], ['x', 'grove/counter@1']])).toBe('grove/record@1{x:grove/counter@1,y:grove/max@1}');
    expect(composeTag('grove/record@1', [], {}, [['a b', 'string'], ['c:d', 'json']])).toBe('grove/record@1{"a b":string,"c:d":json}');
  });

  it('read the older form with options after the tag', () => {
    expect(formatTag(parseTag('grove/sharded-set@1(string);leaf=16'))).toBe('grove/sharded-set@1(string,leaf=16)');
  });

  it.each([
    ['', 0, 'expected a type name'],
    ['grove/map@1(', 12, 'expected a type name'],
    ['grove/map@1(json', 16, 'expected ")"'],
    ['a(b)c', 4, 'unexpected text after the tag'],
    ['a(k=1,k=2)', 6, 'option "k" appears twice'],
    ['r{x:a,x:b}', 6, 'field "x" appears twice'],
    ['a b', 1, 'unexpected text after the tag'],
  ])('refuse %j at character %i: %s', (tag, offset, reason) => {
    expect(() => parseTag(tag)).toThrow(expect.objectContaining({ code: 'invalid-tag', data: { tag, offset, reason: expect.stringContaining(reason) } }));
  });
});
