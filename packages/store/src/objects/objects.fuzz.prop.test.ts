/**
 * Fuzzing the Git object decoders and the name checks: random bytes and
 * mutations of real encodings end in a value or a typed Grove error, never
 * a TypeError/RangeError; real encodings decode back to what was encoded.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeCommit, encodeCommit, type CommitData } from './commit-object.js';
import { checkBranchName, checkPath, parsePath } from './names.js';
import { decodeTree, encodeTree, type Mode, type TreeEntry } from './tree-object.js';
import { fuzzedBytes, typedOrValue } from '@grove/merge/laws';

const RUNS = 10_000;
const HASH = '0123456789abcdef0123456789abcdef01234567';

const hash = fc.stringMatching(/^[0-9a-f]{40}$/);
const entryName = fc.string({ unit: fc.constantFrom('a', 'b', '.', '-', 'é', '👋', ' ', 'z'), minLength: 1, maxLength: 6 });
const mode = fc.constantFrom<Mode>('100644', '100755', '120000', '40000', '160000');
const entries = fc.uniqueArray(fc.record({ name: entryName, mode, hash }), { maxLength: 5, selector: (e) => e.name });
const treeBytes = entries.map(encodeTree);

const person = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '.', 'é', '@', '-'), maxLength: 8 });
const signature = fc.record({ name: person, email: person, timestamp: fc.nat(), timezoneOffset: fc.integer({ min: -(99 * 60 + 59), max: 99 * 60 + 59 }) });
const commit: fc.Arbitrary<CommitData> = fc.record({
  tree: hash,
  parents: fc.array(hash, { maxLength: 3 }),
  author: signature,
  committer: signature,
  message: fc.string({ unit: 'grapheme', maxLength: 20 }).map((m) => `${m}\n`),
});
const commitBytes = commit.map(encodeCommit);

/** Git's order: by name, a subtree's name read as if it ended in "/", compared as UTF-8 bytes. */
const gitOrder = (a: TreeEntry, b: TreeEntry) => Buffer.compare(Buffer.from(a.mode === '40000' ? `${a.name}/` : a.name), Buffer.from(b.mode === '40000' ? `${b.name}/` : b.name));

describe('decodeTree (fuzzed)', () => {
  it('decodes what encodeTree writes, in Git order', () => {
    fc.assert(fc.property(entries, (es) => {
        expect(decodeTree(encodeTree(es), HASH)).toEqual([...es].sort(gitOrder));
      }), { numRuns: RUNS });
  });

  it('returns entries or throws corrupt-object on any bytes', () => {
    fc.assert(fc.property(fuzzedBytes(treeBytes), (bytes) => typedOrValue(() => decodeTree(bytes, HASH))), { numRuns: RUNS });
  });
});

describe('decodeCommit (fuzzed)', () => {
  it('decodes what encodeCommit writes', () => {
    fc.assert(fc.property(commit, (c) => {
        expect(decodeCommit(encodeCommit(c), HASH)).toEqual(c);
      }), { numRuns: RUNS });
  });

  it('returns a commit or throws corrupt-object on any bytes', () => {
    fc.assert(fc.property(fuzzedBytes(commitBytes), (bytes) => typedOrValue(() => decodeCommit(bytes, HASH))), { numRuns: RUNS });
  });
});

const pathText = fc.string({ unit: fc.constantFrom('a', '/', '.', '\0', 'é', '\ud800', ' ', 'G', 'i', 't', 'g'), maxLength: 12 });
const refText = fc.string({ unit: fc.constantFrom('a', '/', '.', '-', '@', '{', '~', '^', ':', ' ', '\x7f', 'l', 'o', 'c', 'k', 'HEAD', 'refs/', '\ud800', 'é'), maxLength: 10 });

describe('names (fuzzed)', () => {
  it('parsePath returns segments that checkPath accepts, or throws invalid-path', () => {
    fc.assert(
      fc.property(pathText, (text) =>
        typedOrValue(() => {
          const path = parsePath(text);
          expect(() => checkPath(path)).not.toThrow();
          expect(parsePath(path.join('/'))).toEqual(path);
        }),
      ),
      { numRuns: RUNS },
    );
  });

  it('checkPath and checkBranchName throw only typed errors, whatever they are given', () => {
    const anything = fc.oneof(fc.array(pathText, { maxLength: 4 }), fc.anything(), fc.array(fc.anything(), { maxLength: 3 }));
    fc.assert(
      fc.property(anything, refText, (path, ref) => {
        typedOrValue(() => checkPath(path as string[]));
        typedOrValue(() => checkBranchName(ref));
        typedOrValue(() => checkBranchName(path as string));
      }),
      { numRuns: RUNS },
    );
  });
});
