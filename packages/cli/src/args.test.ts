import { describe, expect, it } from 'vitest';
import { parseArgs, positiveInteger } from './args.js';

const usageError = (argv: string[]) => {
  try {
    parseArgs(argv);
  } catch (error) {
    return error as { code: string; exitCode: number; message: string };
  }
  throw new Error('expected a usage error');
};

describe('parseArgs', () => {
  it('takes options anywhere, in every spelling', () => {
    expect(parseArgs(['set', '-m', 'hi', 'a/b', '--type=counter', '7', '--json'])).toEqual({
      positionals: ['set', 'a/b', '7'],
      options: { message: 'hi', type: 'counter', json: true },
    });
  });

  it('reads negative numbers and words after -- as positionals', () => {
    expect(parseArgs(['set', 'n', '-5']).positionals).toEqual(['set', 'n', '-5']);
    expect(parseArgs(['set', 'x', '--', '--json']).positionals).toEqual(['set', 'x', '--json']);
    expect(parseArgs(['set', 'x', '-']).positionals).toEqual(['set', 'x', '-']);
  });

  it('takes a value that looks like an option after an option that needs one', () => {
    expect(parseArgs(['set', 'x', 'y', '-m', '--json']).options).toEqual({ message: '--json' });
  });

  it.each([
    [['get', '--frob'], 'unknown option --frob; see grove --help'],
    [['get', '-x'], 'unknown option -x; see grove --help'],
    [['get', '--repo'], '--repo needs a value: --repo DIR'],
    [['get', '--json=yes'], '--json takes no value; write --json alone'],
    [['get', '--branch', 'a', '--branch=b'], '--branch is given twice; give it once'],
  ])('rejects %j with a message that says what to do', (argv, message) => {
    const error = usageError(argv);
    expect(error).toMatchObject({ code: 'cli', exitCode: 2, message });
  });
});

describe('positiveInteger', () => {
  it('parses positive integers and leaves absent options undefined', () => {
    expect(positiveInteger({ limit: '12' }, 'limit')).toBe(12);
    expect(positiveInteger({}, 'limit')).toBeUndefined();
  });

  it.each(['0', '-1', '1.5', 'ten', '01', '99999999999999999999'])('rejects %j', (text) => {
    expect(() => positiveInteger({ interval: text }, 'interval')).toThrow(`--interval needs a positive integer, not ${JSON.stringify(text)}`);
  });
});
