/**
 * Property: every tree Git could write (unique safe names in Git's order,
 * standard modes, non-null ids) passes `fsckTree`, and each single
 * corruption of one is refused with the message id Git uses for it.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fsckTree } from './fsck-tree.js';

interface Entry {
  readonly mode: string;
  readonly name: string;
  readonly id: Buffer;
}

const MODES = ['100644', '100755', '120000', '40000', '160000'];

/** Names no filesystem reads as `.`, `..`, `.git` or `.gitmodules`: the first character is ASCII and not `.`, `g` or `G` (or a `.` then one of those), with no `/` or `\` anywhere. */
const safeName = fc
  .tuple(
    fc.constantFrom('', '.'),
    fc.oneof(fc.constantFrom('a', 'b'), fc.stringMatching(/^[a-fh-z0-9_A-FH-Z-]$/)),
    // Short names over a few characters around '/' make the prefixes that test the subtree order ("a-", "a.b" before subtree "a").
    fc.oneof(fc.stringMatching(/^[-.a0]{0,2}$/), fc.string({ unit: 'grapheme', maxLength: 8 })),
  )
  .map(([dot, first, rest]) => `${dot}${first}${rest.replace(/[/\\\0]/g, '_')}`);

const entry = fc.record({ mode: fc.constantFrom(...MODES), name: safeName, id: fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => Buffer.from(b.map((x, i) => (i === 0 ? x | 1 : x)))) });

/** Git's sort key: the name's bytes, with `/` after a subtree's. */
const key = (e: Entry) => Buffer.from(e.mode === '40000' ? `${e.name}/` : e.name);
const sorted = (entries: readonly Entry[]) => [...entries].sort((a, b) => Buffer.compare(key(a), key(b)));
const encode = (entries: readonly Entry[]) => Buffer.concat(entries.flatMap((e) => [Buffer.from(`${e.mode} ${e.name}\0`), e.id]));

const validTree = fc.uniqueArray(entry, { maxLength: 12, selector: (e) => e.name }).map(sorted);

/** One corruption of a valid tree: its payload, and the id Git reports. */
type Corruption = (entries: Entry[], at: number) => [payload: Buffer, id: string] | undefined;

const rename = (name: string, id: string): Corruption => (entries, at) => [encode(entries.with(at, { ...entries[at]!, name })), id];
const BAD_NAMES: readonly (readonly [string, string])[] = [
  ['.', 'hasDot'],
  ['..', 'hasDotdot'],
  ['../evil', 'fullPathname'],
  ['a/b', 'fullPathname'],
  ['.git', 'hasDotgit'],
  ['.GiT', 'hasDotgit'],
  ['git~1', 'hasDotgit'],
  ['.git. .', 'hasDotgit'],
  ['.git:x', 'hasDotgit'],
  ['x\\.git', 'hasDotgit'],
  ['\u200c.g\u200fit', 'hasDotgit'],
];

const CORRUPTIONS: readonly (readonly [string, Corruption])[] = [
  ...BAD_NAMES.map(([name, id]) => [`renamed to ${JSON.stringify(name)}`, rename(name, id)] as const),
  ['an empty name', (entries, at) => [encode(entries.with(at, { ...entries[at]!, name: '' })), 'badTree']],
  ['mode 100664', (entries, at) => [encode(entries.with(at, { ...entries[at]!, mode: '100664' })), 'badFilemode']],
  ['a zero-padded mode', (entries, at) => [encode(entries.with(at, { ...entries[at]!, mode: `0${entries[at]!.mode}` })), 'zeroPaddedFilemode']],
  ['a null id', (entries, at) => [encode(entries.with(at, { ...entries[at]!, id: Buffer.alloc(20) })), 'nullSha1']],
  ['a duplicated entry', (entries, at) => [encode(entries.toSpliced(at, 0, entries[at]!)), 'duplicateEntries']],
  ['two entries swapped', (entries, at) => (at === 0 ? undefined : [encode(entries.with(at - 1, entries[at]!).with(at, entries[at - 1]!)), 'treeNotSorted'])],
  ['a truncated last id', (entries, at) => [encode(entries).subarray(0, -1 - (at % 20)), 'badTree']],
  ['.gitmodules as a symlink', (entries) => [encode(sorted([...entries, { mode: '120000', name: '.gitmodules', id: Buffer.alloc(20, 1) }])), 'gitmodulesSymlink']],
];

describe('fsckTree', () => {
  it('passes every tree Git could write', () => {
    fc.assert(
      fc.property(validTree, (entries) => {
        expect(fsckTree(encode(entries))).toBeUndefined();
      }),
      { numRuns: 500 },
    );
  });

  it('refuses each single corruption with the id Git reports', () => {
    const corrupted = fc
      .tuple(validTree.filter((e) => e.length > 0), fc.nat(), fc.constantFrom(...CORRUPTIONS))
      .map(([entries, n, [label, corrupt]]) => ({ label, result: corrupt(entries, n % entries.length) }))
      .filter(({ result }) => result !== undefined);
    fc.assert(
      fc.property(corrupted, ({ label, result }) => {
        const [payload, id] = result!;
        expect(fsckTree(payload)?.id, label).toBe(id);
      }),
      { numRuns: 500 },
    );
  });
});
