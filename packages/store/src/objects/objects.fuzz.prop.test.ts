/**
 * Fuzzing the Git object decoders and the name checks: random bytes and
 * mutations of real encodings end in a value or a typed Grove error, never
 * a TypeError/RangeError; real encodings decode back to what was encoded.
 */
import * as fc from 'fast-check';
import { isGroveError } from '@grove/merge';
import { describe, expect, it } from 'vitest';
import { decodeCommit, encodeCommit, type CommitData } from './commit-object.js';
import { checkBranchName, checkPath, parsePath } from './names.js';
import { decodeTree, encodeTree, type Mode, type TreeEntry } from './tree-object.js';

const RUNS = 10_000;
const HASH = '0123456789abcdef0123456789abcdef01234567';

/** Runs `f`; any throw must be a Grove error with a code. */
function typedOrValue(f: () => unknown): void {
  try {
    f();
  } catch (e) {
    if (!isGroveError(e)) throw e;
    expect(typeof (e as { code?: unknown }).code).toBe('string');
  }
}

type Mutation = readonly [op: number, at: number, value: number];
const mutation: fc.Arbitrary<Mutation> = fc.tuple(fc.nat(4), fc.nat(), fc.nat(255));

/** Flips a bit, sets, inserts or deletes a byte, or truncates, at positions taken modulo the length. */
function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  let out = Buffer.from(bytes);
  for (const [op, at, value] of mutations) {
    const i = at % (out.length + 1);
    if (op === 0 && i < out.length) out[i] = out[i]! ^ (1 << (value % 8));
    else if (op === 1 && i < out.length) out[i] = value;
    else if (op === 2) out = Buffer.concat([out.subarray(0, i), Buffer.from([value]), out.subarray(i)]);
    else if (op === 3) out = Buffer.concat([out.subarray(0, i), out.subarray(i + 1 + (value % 4))]);
    else if (op === 4) out = out.subarray(0, i);
  }
  return out;
}

/** Random bytes, valid encodings, and valid encodings with 1-3 mutations. */
function fuzzed(valid: fc.Arbitrary<Uint8Array>): fc.Arbitrary<Uint8Array> {
  return fc.oneof(
    { arbitrary: fc.uint8Array({ maxLength: 64 }), weight: 1 },
    { arbitrary: valid, weight: 1 },
    { arbitrary: fc.tuple(valid, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([b, m]) => mutate(b, m)), weight: 4 },
  );
}

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
    fc.assert(fc.property(fuzzed(treeBytes), (bytes) => typedOrValue(() => decodeTree(bytes, HASH))), { numRuns: RUNS });
  });
});

describe('decodeCommit (fuzzed)', () => {
  it('decodes what encodeCommit writes', () => {
    fc.assert(fc.property(commit, (c) => {
        expect(decodeCommit(encodeCommit(c), HASH)).toEqual(c);
      }), { numRuns: RUNS });
  });

  it('returns a commit or throws corrupt-object on any bytes', () => {
    fc.assert(fc.property(fuzzed(commitBytes), (bytes) => typedOrValue(() => decodeCommit(bytes, HASH))), { numRuns: RUNS });
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
