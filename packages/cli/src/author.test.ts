import { describe, expect, it } from 'vitest';
import { parseAuthor } from './author.js';

describe('parseAuthor', () => {
  it.each([
    ['Ada <ada@example.com>', { name: 'Ada', email: 'ada@example.com' }],
    ['Ada Lovelace <ada@example.com>', { name: 'Ada Lovelace', email: 'ada@example.com' }],
    ['A <a>', { name: 'A', email: 'a' }],
  ])('reads %j', (text, identity) => {
    expect(parseAuthor(text, '--author')).toEqual(identity);
  });

  it.each(['Ada', '<ada@example.com>', 'Ada <>', 'Ada<ada@x>', ' Ada <a@x>', 'Ada  <a@x>', 'Ada <a@x> ', 'Ada <a b@x>', 'A<b <a@x>', 'Ada\nLovelace <a@x>', 'Ada <a@x> <b@y>'])(
    'rejects %j and names the source',
    (text) => {
      expect(() => parseAuthor(text, 'GROVE_AUTHOR')).toThrow(`GROVE_AUTHOR ${JSON.stringify(text)} is not "Name <email>"`);
    },
  );
});
