import * as GMap from '@grove/map';
import { parseTag } from '@grove/merge';
import { Rope } from '@grove/rope';
import * as GSet from '@grove/set';
import { TypeRegistry } from '@grove/store';
import { describe, expect, it } from 'vitest';
import './families.js';
import { render } from './render.js';
import { typeTag } from './type-expressions.js';
import { parseValue } from './value-types.js';

const types = new TypeRegistry();
/** `word` read as `--type expression`. */
const parse = (expression: string, word: string | Uint8Array) => parseValue(types, parseTag(typeTag(expression)), word);
/** `word` read as `--type expression`, then rendered as `grove get` prints it. */
const roundTrip = async (expression: string, word: string) => render(typeTag(expression), parse(expression, word));

describe('parseValue', () => {
  it('reads text as is, integers for counters and registers, JSON as JSON, bytes raw', () => {
    expect(parse('text', ' 42 ')).toBe(' 42 ');
    expect(parse('counter', '-42')).toBe(-42n);
    expect(parse('max', '123456789012345678901234567890')).toBe(123456789012345678901234567890n);
    expect(parse('json', '{"a":[1,"b",null]}')).toEqual({ a: [1, 'b', null] });
    expect(parse('bytes', new Uint8Array([0xff]))).toEqual(new Uint8Array([0xff]));
    expect(parse('rope', 'héllo')).toBeInstanceOf(Rope);
  });

  it('reads collections from their JSON form, nested by their parameters', async () => {
    const tags = parse('set<text>', '["b","a"]') as GSet.GroveSet<string>;
    expect([...GSet.values(tags)].sort()).toEqual(['a', 'b']);
    const votes = parse('map<map<counter>>', '{"x":{"ada":2,"bob":"-1"}}') as GMap.GroveMap<ReadonlyMap<string, bigint>>;
    expect(GMap.get(votes, 'x')).toEqual(new Map([['ada', 2n], ['bob', -1n]]));
    expect(await roundTrip('map<set<json>>', '{"k":[{"a":1},2]}')).toEqual({ k: [{ a: 1 }, 2] });
    expect(await roundTrip('queue<json>', '[3,{"b":true},1]')).toEqual([3, { b: true }, 1]);
    expect(await roundTrip('option<counter>', 'null')).toBeNull();
    expect(await roundTrip('lww<text>', '"hi"')).toBe('hi');
    expect(await roundTrip('multiset<text>', '[["a",2]]')).toEqual([['a', 2]]);
    expect(await roundTrip('grove/record@1{n:grove/counter@1,s:string}', '{"n":3,"s":"x"}')).toEqual({ n: 3n, s: 'x' });
  });

  it.each([
    ['counter', '1.5', 'an integer such as 42 or -3 is needed, not "1.5"'],
    ['counter', '', 'an integer such as 42 or -3 is needed, not ""'],
    ['json', 'hello', '"hello" is not JSON'],
    ['set<text>', '{"a":1}', 'a grove/sharded-set@1(string) is written as a JSON array, not {"a":1}'],
    ['map<counter>', '{"a":"x"}', 'an integer such as 42 or -3 is needed, not "x"'],
    ['map<text>', '{"a":1}', 'a string is written as a JSON string, not 1'],
    ['text', new Uint8Array([0xff]), 'the value is not UTF-8 text; store it as bytes with --type bytes'],
  ])('rejects --type %s %j', (expression, word, message) => {
    expect(() => parse(expression, word)).toThrow(message);
  });
});
