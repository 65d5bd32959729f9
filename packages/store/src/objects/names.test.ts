/** Size limits on paths and branch names: the deepest and longest allowed work, one more is a typed error naming the limit. */
import { describe, expect, it } from 'vitest';
import { Repo } from '../repo.js';
import { checkBranchName, checkPath, MAX_BRANCH_BYTES, MAX_NAME_BYTES, MAX_PATH_SEGMENTS } from './names.js';

const thrown = (f: () => void): unknown => {
  try {
    f();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
};

describe('name limits', () => {
  it('a path of MAX_PATH_SEGMENTS segments is stored and read back; one more, or 3,000, is invalid-path naming the limit', async () => {
    const main = Repo.memory().branch('main');
    const deepest = Array.from({ length: MAX_PATH_SEGMENTS }, (_, i) => `s${i}`);
    await main.set(deepest, 'deep');
    expect(await main.get(deepest)).toBe('deep');
    for (const length of [MAX_PATH_SEGMENTS + 1, 3000]) {
      const path = Array.from({ length }, () => 'a');
      expect(thrown(() => checkPath(path))).toMatchObject({ code: 'invalid-path', message: expect.stringContaining(`limit of ${MAX_PATH_SEGMENTS}`) });
      await expect(main.set(path, 'v')).rejects.toMatchObject({ code: 'invalid-path' });
    }
  });

  it('a path segment may have MAX_NAME_BYTES UTF-8 bytes, not one more (counted in bytes, not characters)', () => {
    expect(() => checkPath(['a'.repeat(MAX_NAME_BYTES)])).not.toThrow();
    for (const long of ['a'.repeat(MAX_NAME_BYTES + 1), 'é'.repeat(128)]) {
      expect(thrown(() => checkPath(['ok', long]))).toMatchObject({ code: 'invalid-path', message: expect.stringContaining(`limit of ${MAX_NAME_BYTES}`) });
    }
  });

  it('a branch name component may have MAX_NAME_BYTES bytes and the name MAX_BRANCH_BYTES; longer is invalid-ref naming the limits', async () => {
    expect(() => checkBranchName('a'.repeat(MAX_NAME_BYTES))).not.toThrow();
    const longest = Array.from({ length: 5 }, () => 'b'.repeat(200)).join('/').padEnd(MAX_BRANCH_BYTES, 'c');
    expect(() => checkBranchName(longest)).not.toThrow();
    for (const bad of ['a'.repeat(MAX_NAME_BYTES + 1), 'x/' + 'é'.repeat(128), 'b'.repeat(3000), `${longest}d`]) {
      expect(thrown(() => checkBranchName(bad)), bad.slice(0, 20)).toMatchObject({ code: 'invalid-ref', message: expect.stringContaining(`${MAX_NAME_BYTES} UTF-8 bytes between slashes and ${MAX_BRANCH_BYTES}`) });
    }
  });
});
