import { TypeRegistry } from '@grove/store';
import { describe, expect, it } from 'vitest';
import './families.js';
import { resolveType, typeTag } from './type-expressions.js';

describe('typeTag', () => {
  it.each([
    ['text', 'text'],
    ['json', 'json'],
    ['bytes', 'bytes'],
    ['counter', 'grove/counter@1'],
    ['max', 'grove/max@1'],
    ['min', 'grove/min@1'],
    ['rope', 'grove/rope@1'],
    ['set<text>', 'grove/sharded-set@1(string)'],
    ['map<counter>', 'grove/sharded-map@1(grove/counter@1)'],
    ['queue<json>', 'grove/queue@1(json)'],
    ['option<text>', 'grove/option@1(string)'],
    ['lww<json>', 'grove/lww@1(json)'],
    ['multiset<text>', 'grove/multiset@1(string)'],
    ['map<set<json>>', 'grove/sharded-map@1(grove/set@1(json))'],
    ['map<map<counter>>', 'grove/sharded-map@1(grove/map@1(grove/counter@1))'],
    ['map< rope >', 'grove/sharded-map@1(grove/rope-text@1)'],
    ['map<queue<grove/max@1>>', 'grove/sharded-map@1(grove/queue@1(grove/max@1))'],
    ['grove/queue@1(json,fanout=8)', 'grove/queue@1(json,fanout=8)'],
    ['grove/record@1{b:json,a:string}', 'grove/record@1{a:string,b:json}'],
    ['string', 'string'],
  ])('%s is %s, which the registry builds', (expression, tag) => {
    expect(typeTag(expression)).toBe(tag);
    expect(resolveType(new TypeRegistry(), expression).tag).toBe(tag);
  });

  it.each([
    ['nope', 'unknown type "nope"'],
    ['map', 'map takes one type parameter, as in map<json>'],
    ['map<>', 'a type name is missing at character 4'],
    ['map<text', '">" is missing at character 8'],
    ['text<json>', 'text takes no type parameter'],
    ['map<text>x', 'unexpected "x" at character 9'],
    ['grove/map@1(', 'is not usable'],
  ])('refuses %j, listing what is accepted', (expression, reason) => {
    expect(() => typeTag(expression)).toThrow(reason);
    expect(() => typeTag(expression)).toThrow(/; use text, json, bytes, counter, max, min, rope, set<T>, map<T>, queue<T>, option<T>, lww<T>, multiset<T>, nested as in map<set<json>>, or a canonical tag/);
  });

  it('says why a well-formed tag names no type it can build', () => {
    expect(() => resolveType(new TypeRegistry(), 'app/point@1')).toThrow('--type "app/point@1" is not a type: no type is registered for app/point@1');
  });
});
