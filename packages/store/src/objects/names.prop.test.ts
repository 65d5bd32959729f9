/** Branch names: our check agrees with `git check-ref-format` on random names. */
import { spawnSync } from 'node:child_process';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBranchName } from './names.js';

const gitAccepts = (name: string) => spawnSync('git', ['check-ref-format', `refs/heads/${name}`]).status === 0;
const weAccept = (name: string) => {
  try {
    checkBranchName(name);
    return true;
  } catch {
    return false;
  }
};

describe('checkBranchName', () => {
  it('accepts exactly what git accepts (we also refuse a leading "-", "@", "HEAD" and a leading "refs/", which git reads as an option, as HEAD, and as a full ref)', () => {
    const char = fc.constantFrom('a', 'b', '/', '.', '-', '@', '{', '~', ' ', ':', '*', 'l', 'o', 'c', 'k', 'é', '\\', 'HEAD', 'refs/');
    fc.assert(
      fc.property(fc.string({ unit: char, minLength: 1, maxLength: 8 }), (name) => {
        const git = gitAccepts(name) && !name.startsWith('-') && name !== '@' && name !== 'HEAD' && !name.startsWith('refs/');
        expect(weAccept(name)).toBe(git);
      }),
      { numRuns: 300 },
    );
  });
});
