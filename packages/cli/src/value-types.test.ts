import { counter } from '@grove/merge';
import { json, text } from '@grove/store';
import { describe, expect, it } from 'vitest';
import { parseValue } from './value-types.js';

describe('parseValue', () => {
  it('reads text as is, counters as bigints and JSON as JSON', () => {
    expect(parseValue('text', ' 42 ')).toEqual({ type: text, value: ' 42 ' });
    expect(parseValue('counter', '-42')).toEqual({ type: counter, value: -42n });
    expect(parseValue('counter', '123456789012345678901234567890')).toMatchObject({ value: 123456789012345678901234567890n });
    expect(parseValue('json', '{"a":[1,"b",null]}')).toEqual({ type: json, value: { a: [1, 'b', null] } });
  });

  it.each([
    ['counter', '1.5', 'a counter is an integer such as 42 or -3, not "1.5"'],
    ['counter', '', 'a counter is an integer such as 42 or -3, not ""'],
    ['json', 'hello', '"hello" is not JSON'],
    ['bytes', 'x', 'unknown --type "bytes"; use text, counter, json'],
    ['toString', 'x', 'unknown --type "toString"; use text, counter, json'],
  ])('rejects --type %s %j', (type, word, message) => {
    expect(() => parseValue(type, word)).toThrow(message);
  });
});
