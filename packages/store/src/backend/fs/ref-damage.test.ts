import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { EMPTY_TREE } from '../../objects/hash.js';
import { git, makeTempDir, removeTempDirs } from '../../testing/git-fixture.js';
import { openGitBackend } from './index.js';

afterEach(removeTempDirs);

/** A bare repository where git made main = b (child of a) and topic = a, packed them, then made loose = a. */
async function packedRepo() {
  const dir = makeTempDir();
  git(dir, ['init', '-q', '--bare', '-b', 'main']);
  git(dir, ['mktree'], '');
  const a = git(dir, ['commit-tree', EMPTY_TREE, '-m', 'a']);
  const b = git(dir, ['commit-tree', EMPTY_TREE, '-p', a, '-m', 'b']);
  git(dir, ['update-ref', 'refs/heads/main', b]);
  git(dir, ['update-ref', 'refs/heads/topic', a]);
  git(dir, ['pack-refs', '--all']);
  git(dir, ['update-ref', 'refs/heads/loose', a]);
  const packedRefs = join(dir, 'packed-refs');
  return { backend: await openGitBackend(dir), dir, a, b, packedRefs, text: readFileSync(packedRefs, 'utf8') };
}

/** Ways to damage packed-refs: each edits its lines (given main's index) and returns the 1-based line now bad. */
const damages: Record<string, (lines: string[], main: number) => number> = {
  'a non-hex digit in an id': (lines, main) => ((lines[main] = `${lines[main]!.slice(0, 5)}g${lines[main]!.slice(6)}`), main + 1),
  'a garbage line': (lines) => (lines.splice(1, 0, 'garbage'), 2),
  'an id without a name': (lines, main) => ((lines[main] = lines[main]!.slice(0, 41)), main + 1),
  'a name without an id': (lines, main) => ((lines[main] = lines[main]!.slice(41)), main + 1),
};

describe('damaged refs', () => {
  for (const [what, damage] of Object.entries(damages)) {
    it(`packed-refs with ${what} is corrupt-ref naming file and line, on read and before any write`, async () => {
      const { backend, dir, a, b, packedRefs, text } = await packedRepo();
      const lines = text.split('\n');
      const line = damage(lines, lines.findIndex((l) => l.endsWith(' refs/heads/main')));
      const damaged = lines.join('\n');
      writeFileSync(packedRefs, damaged);
      const corrupt = { code: 'corrupt-ref', data: { file: packedRefs, line }, message: expect.stringContaining(`${packedRefs} line ${line} `) };
      const { refs } = backend;
      await expect(refs.read('refs/heads/main')).rejects.toMatchObject(corrupt);
      await expect(refs.list('refs/heads/')).rejects.toMatchObject(corrupt);
      await expect(refs.compareAndSet('refs/heads/main', undefined, a)).rejects.toMatchObject(corrupt);
      await expect(refs.compareAndSet('refs/heads/new', undefined, a)).rejects.toMatchObject(corrupt);
      await expect(refs.compareAndSet('refs/heads/loose', a, b)).rejects.toMatchObject(corrupt);
      expect(readFileSync(packedRefs, 'utf8')).toBe(damaged);
      expect(existsSync(join(dir, 'refs/heads/main'))).toBe(false);
      expect(existsSync(join(dir, 'refs/heads/new'))).toBe(false);
      expect(readFileSync(join(dir, 'refs/heads/loose'), 'utf8')).toBe(`${a}\n`);

      writeFileSync(packedRefs, text); // repaired: the history is all there
      expect(await refs.read('refs/heads/main')).toBe(b);
      expect(git(dir, ['rev-list', 'refs/heads/main']).split('\n')).toEqual([b, a]);
    });
  }

  it('a loose ref holding garbage, or nothing, is corrupt-ref, never an absent branch', async () => {
    const { backend, dir, a } = await packedRepo();
    const path = join(dir, 'refs/heads/main');
    for (const content of ['garbage\n', '', `${a.slice(0, 39)}\n`]) {
      writeFileSync(path, content);
      const corrupt = { code: 'corrupt-ref', data: { file: path, ref: 'refs/heads/main' } };
      await expect(backend.refs.read('refs/heads/main')).rejects.toMatchObject(corrupt);
      await expect(backend.refs.read('HEAD')).rejects.toMatchObject(corrupt);
      await expect(backend.refs.compareAndSet('refs/heads/main', undefined, a)).rejects.toMatchObject(corrupt);
      expect(readFileSync(path, 'utf8')).toBe(content);
    }
  });

  it("a directory at a packed branch's path does not hide the packed id", async () => {
    const { backend, dir, a, b } = await packedRepo();
    mkdirSync(join(dir, 'refs/heads/main/x'), { recursive: true }); // as Git: a directory is no loose ref, the packed one counts
    expect(await backend.refs.read('refs/heads/main')).toBe(b);
    expect(await backend.refs.compareAndSet('refs/heads/main', undefined, a)).toBe(false);
    expect(git(dir, ['rev-parse', 'refs/heads/main'])).toBe(b);
  });
});
