import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from './run.js';
import { grove, newRepo, session, tempDir } from './testing/harness.js';

describe('help', () => {
  it.each([['--help'], ['-h'], ['help']])('grove %s prints every command and the exit codes', async (flag) => {
    const { code, out, err } = await grove(tempDir(), flag);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    for (const command of ['init', 'get', 'set', 'rm', 'ls', 'log', 'branch', 'branches', 'merge', 'diff', 'snapshot', 'revert', 'watch']) {
      expect(out.some((line) => line.startsWith(`  ${command} `))).toBe(true);
    }
    expect(out).toContain('  70  internal error in grove');
  });

  it.each([[['help', 'set']], [['set', '--help']]])('%j prints one command with its options', async (argv) => {
    const { code, out } = await grove(tempDir(), ...argv);
    expect(code).toBe(0);
    expect(out[0]).toBe('usage: grove set PATH VALUE [--repo DIR] [--branch NAME] [--type TYPE] [--message MESSAGE] [--author "NAME <EMAIL>"] [--json]');
    expect(out.some((line) => line.startsWith('  --type TYPE'))).toBe(true);
  });
});

describe('bad usage exits 2 with one line on stderr', () => {
  it.each([
    [[], 'grove: no command given; see grove --help'],
    [['frob'], 'grove: unknown command "frob"; see grove --help'],
    [['help', 'frob'], 'grove: unknown command "frob"; see grove --help'],
    [['help', 'get', 'set'], 'grove: help takes one COMMAND at most; see grove --help'],
    [['get', '--frob'], 'grove: unknown option --frob; see grove --help'],
    [['get'], 'grove: get needs PATH; usage: grove get PATH [--repo DIR] [--branch NAME] [--json]'],
    [['set', 'a'], 'grove: set needs VALUE; usage: grove set PATH VALUE [--repo DIR] [--branch NAME] [--type TYPE] [--message MESSAGE] [--author "NAME <EMAIL>"] [--json]'],
    [['diff', 'a', 'b', 'c'], 'grove: too many words for diff: "c"; usage: grove diff A B [--repo DIR] [--json]'],
    [['get', 'x', '--type', 'json'], 'grove: get does not take --type; usage: grove get PATH [--repo DIR] [--branch NAME] [--json]'],
    [['log', '--limit', '0'], 'grove: --limit needs a positive integer, not "0"'],
    [['set', 'n', 'ten', '--type', 'counter'], 'grove: an integer such as 42 or -3 is needed, not "ten"'],
    [['get', 'a//b'], 'grove: bad path "a//b": path segment "" is empty; use a non-empty name of at most 255 bytes without "/" or NUL'],
    [['get', '/'], 'grove: "/" names the root, not a value; give a path such as docs/readme'],
    [['get', 'x', '--branch', 'a..b'], 'grove: "a..b" is not a valid branch name; use letters, digits, "-", "_" and "/" (not HEAD, no leading "refs/", "-" or ".", no "..", "~", "^", ":", spaces or trailing ".lock")'],
    [['set', 'x', 'y', '--author', 'Ada'], 'grove: --author "Ada" is not "Name <email>"; write it like "Ada Lovelace <ada@example.com>"'],
  ])('grove %j', async (argv, message) => {
    const { code, out, err } = await grove(await newRepo(), ...argv);
    expect({ code, out, err }).toEqual({ code: 2, out: [], err: [message] });
  });

  it('checks the author from GROVE_AUTHOR as strictly', async () => {
    const { io, err } = session(await newRepo(), { env: { GROVE_AUTHOR: 'nobody' } });
    expect(await run(['set', 'x', 'y'], io)).toBe(2);
    expect(err.all).toEqual(['grove: GROVE_AUTHOR "nobody" is not "Name <email>"; write it like "Ada Lovelace <ada@example.com>"']);
  });
});

describe('a directory that is not a repository', () => {
  it('is refused, and neither a missing nor an empty one is turned into a repository', async () => {
    const empty = tempDir();
    const missing = join(empty, 'missing');
    for (const dir of [empty, missing]) {
      const { code, err } = await grove(empty, 'get', 'x', '--repo', dir);
      expect(code).toBe(2);
      expect(err).toEqual([`grove: no repository at ${dir}; create one with grove init ${dir}, or pass --repo DIR`]);
    }
    expect(readdirSync(empty)).toEqual([]);
    expect(existsSync(missing)).toBe(false);
  });

  it('is refused when it holds other files', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'hi');
    mkdirSync(join(dir, 'sub'));
    const { code, err } = await grove(join(dir, 'sub'), 'ls', '--repo', '..');
    expect(code).toBe(2);
    expect(err).toEqual([`grove: ${dir} is not a Git repository; pass --repo with a repository, or create one with grove init NEWDIR`]);
  });
});

describe('an unexpected exception', () => {
  it('exits 70 with an internal error line', async () => {
    const err: string[] = [];
    const io = {
      cwd: tempDir(),
      stdout: () => {
        throw new TypeError('stdout is gone');
      },
      stderr: (line: string) => err.push(line),
    };
    expect(await run(['init'], io)).toBe(70);
    expect(err).toEqual(['grove: internal error: stdout is gone; please report it with the command that caused it']);
  });
});

describe('a file system that refuses', () => {
  it('is reported with the file it refused, exit 2', async () => {
    const dir = await newRepo();
    const objects = join(dir, 'objects');
    // A file in the place of every fan-out directory: every object write fails, and none lands later.
    for (let i = 0; i < 256; i++) writeFileSync(join(objects, i.toString(16).padStart(2, '0')), 'in the way');
    const { code, err } = await grove(dir, 'set', 'a', 'b');
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(new RegExp(`^grove: cannot write object [0-9a-f]{40}: ENOTDIR on ${objects}/[0-9a-f]{2}/tmp_obj_[0-9a-f]+; check that the repository is writable`));
  });

  it('says a --repo that is a file is not a repository', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'file'), 'x');
    const { code, err } = await grove(dir, 'ls', '--repo', 'file');
    expect(code).toBe(2);
    expect(err[0]).toMatch(/file is not a Git repository/);
  });
});

describe('--version and --json errors', () => {
  it('--version prints the version of the package, with --json as JSON', async () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(await grove(tempDir(), '--version')).toEqual({ code: 0, out: [`grove ${version}`], err: [] });
    expect(await grove(tempDir(), '--version', '--json')).toEqual({ code: 0, out: [JSON.stringify({ version })], err: [] });
  });

  it.each([
    [['get', 'nope', '--json'], { code: 'no', message: 'nothing at nope on branch main', exit: 1 }],
    [['set', 'n', 'x', '--type', 'counter', '--json'], { code: 'usage', message: 'an integer such as 42 or -3 is needed, not "x"', exit: 2 }],
    [['get', '--frob', '--json'], { code: 'usage', message: 'unknown option --frob; see grove --help', exit: 2 }],
    [['merge', 'nope', '--json'], { code: 'usage', message: 'branch nope has no commits; list branches with grove branches, or write one with grove set', exit: 2 }],
    [['diff', 'nope', 'main', '--json'], { code: 'not-found', message: expect.stringContaining('no branch or commit "nope"'), exit: 2 }],
  ])('grove %j prints the error as one JSON object on stderr', async (argv, error) => {
    const dir = await newRepo();
    await grove(dir, 'set', 'a', '1');
    const { code, out, err } = await grove(dir, ...argv);
    expect({ code, out }).toEqual({ code: error.exit, out: [] });
    expect(err).toHaveLength(1);
    expect(JSON.parse(err[0]!)).toEqual(error);
  });
});

