/**
 * `git fsck --strict` checks, example by example: each hand-built tree,
 * commit and tag gets the finding Git's own message id names, and real
 * `git fsck --strict` agrees on every one (refuses the bad, passes the good).
 */
import { EMPTY_TREE, type RawObject } from '@grove/store';
import { GIT_ENV, git, makeTempDir, rawObject, removeTempDirs } from '@grove/store/testing';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { fsckObject } from './fsck.js';

afterAll(removeTempDirs);

const blob = rawObject('blob', 'x\n');
const emptyTree = rawObject('tree', Buffer.alloc(0));

/** A tree payload of raw `[mode, name, id]` entries, written as given (no sorting, no checks). */
function rawTree(entries: readonly (readonly [mode: string, name: string, id?: string])[]): RawObject {
  return rawObject('tree', Buffer.concat(entries.flatMap(([mode, name, id = blob.hash]) => [Buffer.from(`${mode} ${name}\0`), Buffer.from(id, 'hex')])));
}

const file = (name: string) => ['100644', name] as const;
const signature = 'A <a@x> 1 +0000';
const commit = (header: string) => rawObject('commit', `${header}\n\nmessage\n`);
const withIdent = (ident: string) => commit(`tree ${EMPTY_TREE}\nauthor ${ident}\ncommitter ${signature}`);
const tag = (header: string) => rawObject('tag', `${header}\n\nmessage\n`);
const goodCommit = withIdent(signature);

/** What real git says where it differs from Grove's finding. */
interface GitSays {
  readonly ok: boolean;
  readonly says: string;
}

/** Git only warns of odd modes; Grove refuses them, since its store cannot read a tree with one. */
const warns: GitSays = { ok: true, says: 'badFilemode' };
/** Git refuses these loose objects before its fsck runs, so with another message. */
const unparsable: GitSays = { ok: false, says: 'could not be parsed' };

/** Each object, and the id of the check `git fsck --strict` fails it on (undefined: it passes), and what git says where that differs. */
const CASES: readonly (readonly [label: string, object: RawObject, id: string | undefined, git?: GitSays])[] = [
  ['plain files and a subtree', rawTree([file('a'), ['40000', 'b', EMPTY_TREE], ['100755', 'c'], ['120000', 'd'], ['160000', 'e', goodCommit.hash]]), undefined],
  ['names near .git', rawTree([file('.github'), file('.gitignore'), file('.gitx'), file('.git~1'), file('a.git'), file('git~2')]), undefined],
  ['.gitmodules as a file', rawTree([file('.gitmodules')]), undefined],
  ['.git', rawTree([file('.git')]), 'hasDotgit'],
  ['.GIT', rawTree([file('.GIT')]), 'hasDotgit'],
  ['.Git as a subtree', rawTree([['40000', '.Git', EMPTY_TREE]]), 'hasDotgit'],
  ['git~1', rawTree([file('git~1')]), 'hasDotgit'],
  ['GIT~1', rawTree([file('GIT~1')]), 'hasDotgit'],
  ['.git. (NTFS drops trailing dots)', rawTree([file('.git.')]), 'hasDotgit'],
  ['.git followed by spaces', rawTree([file('.git  ')]), 'hasDotgit'],
  ['.git::$INDEX_ALLOCATION (NTFS stream)', rawTree([file('.git::$INDEX_ALLOCATION')]), 'hasDotgit'],
  ['a\\.git (NTFS separator)', rawTree([file('a\\.git')]), 'hasDotgit'],
  ['.g\u200cit (HFS+ ignores the joiner)', rawTree([file('.g\u200cit')]), 'hasDotgit'],
  ['\ufeff.GIT (HFS+ ignores the BOM)', rawTree([file('\ufeff.GIT')]), 'hasDotgit'],
  ['.', rawTree([file('.')]), 'hasDot'],
  ['..', rawTree([file('..')]), 'hasDotdot'],
  ['../evil', rawTree([file('../evil')]), 'fullPathname'],
  ['a/b', rawTree([file('a/b')]), 'fullPathname'],
  ['an empty name', rawTree([file('')]), 'badTree'],
  ['a name running into its id (NUL inside)', rawObject('tree', Buffer.concat([Buffer.from('100644 a\0b\0'), Buffer.from(blob.hash, 'hex')])), 'badTree'],
  ['a truncated id', rawObject('tree', Buffer.from(rawTree([file('a')]).payload.subarray(0, -1))), 'badTree'],
  ['a mode that is not octal', rawTree([['10064x', 'a']]), 'badTree'],
  ['mode 100664', rawTree([['100664', 'a']]), 'badFilemode', warns],
  ['mode 100600', rawTree([['100600', 'a']]), 'badFilemode', warns],
  ['mode 644', rawTree([['644', 'a']]), 'badFilemode', warns],
  ['mode 040000 (zero-padded)', rawTree([['040000', 'a', EMPTY_TREE]]), 'zeroPaddedFilemode'],
  ['a null id', rawTree([['100644', 'a', '0'.repeat(40)]]), 'nullSha1'],
  ['entries out of order', rawTree([file('b'), file('a')]), 'treeNotSorted'],
  ['a subtree sorted as if without its slash', rawTree([['40000', 'a', EMPTY_TREE], file('a.b')]), 'treeNotSorted'],
  ['a duplicate name', rawTree([file('a'), file('a')]), 'duplicateEntries'],
  ['a file and a subtree of one name', rawTree([file('a'), file('a.b'), ['40000', 'a', EMPTY_TREE]]), 'duplicateEntries'],
  ['.gitmodules as a symlink', rawTree([['120000', '.gitmodules']]), 'gitmodulesSymlink'],
  ['.GITMODULES. as a symlink', rawTree([['120000', '.GITMODULES.']]), 'gitmodulesSymlink'],
  ['gitmod~1 as a symlink', rawTree([['120000', 'gitmod~1']]), 'gitmodulesSymlink'],
  ['gi7eba~9 as a symlink', rawTree([['120000', 'gi7eba~9']]), 'gitmodulesSymlink'],
  ['a good commit', goodCommit, undefined],
  ['a commit with parents and extra headers', commit(`tree ${EMPTY_TREE}\nparent ${goodCommit.hash}\nauthor ${signature}\ncommitter ${signature}\nencoding UTF-8`), undefined],
  ['a commit with an empty name and the epoch', withIdent(' <a@x> 0 -0130'), undefined],
  ['a commit without a tree', commit(`author ${signature}\ncommitter ${signature}`), 'missingTree', unparsable],
  ['a commit with a short tree id', commit(`tree ${EMPTY_TREE.slice(1)}\nauthor ${signature}\ncommitter ${signature}`), 'badTreeSha1', unparsable],
  ['a commit with a bad parent id', commit(`tree ${EMPTY_TREE}\nparent xyz\nauthor ${signature}\ncommitter ${signature}`), 'badParentSha1', unparsable],
  ['a commit without an author', commit(`tree ${EMPTY_TREE}\ncommitter ${signature}`), 'missingAuthor'],
  ['a commit with two authors', commit(`tree ${EMPTY_TREE}\nauthor ${signature}\nauthor ${signature}\ncommitter ${signature}`), 'multipleAuthors'],
  ['a commit without a committer', commit(`tree ${EMPTY_TREE}\nauthor ${signature}`), 'missingCommitter'],
  ['an ident without a name', withIdent('<a@x> 1 +0000'), 'missingNameBeforeEmail'],
  ['an ident without an email', withIdent('A 1 +0000'), 'missingEmail'],
  ['an ident with > in the name', withIdent('A> <a@x> 1 +0000'), 'badName'],
  ['an ident without a space before <', withIdent('A<a@x> 1 +0000'), 'missingSpaceBeforeEmail'],
  ['an ident with < in the email', withIdent('A <a<x> 1 +0000'), 'badEmail'],
  ['an ident without a space before the date', withIdent('A <a@x>1 +0000'), 'missingSpaceBeforeDate'],
  ['a zero-padded date', withIdent('A <a@x> 01 +0000'), 'zeroPaddedDate'],
  ['a date that is not a number', withIdent('A <a@x> x +0000'), 'badDate'],
  ['a date without a zone', withIdent('A <a@x> 1'), 'badDate'],
  ['a date past 2^63', withIdent('A <a@x> 99999999999999999999 +0000'), 'badDateOverflow'],
  ['a zone without a sign', withIdent('A <a@x> 1 0000'), 'badTimezone'],
  ['a zone of three digits', withIdent('A <a@x> 1 +000'), 'badTimezone'],
  ['a commit with a NUL in the header', commit(`tree ${EMPTY_TREE}\nauthor ${signature}\ncommitter A\0 <a@x> 1 +0000`), 'nulInHeader'],
  ['a commit with a NUL in the message', rawObject('commit', `tree ${EMPTY_TREE}\nauthor ${signature}\ncommitter ${signature}\n\na\0b\n`), 'nulInCommit'],
  ['a commit whose header does not end', rawObject('commit', `tree ${EMPTY_TREE}\nauthor ${signature}\ncommitter ${signature}`), 'unterminatedHeader'],
  ['a good tag', tag(`object ${goodCommit.hash}\ntype commit\ntag v1\ntagger ${signature}`), undefined],
  ['a tag without an object', tag(`type commit\ntag v1\ntagger ${signature}`), 'missingObject', unparsable],
  ['a tag with a bad object id', tag(`object ${goodCommit.hash.toUpperCase()}x\ntype commit\ntag v1\ntagger ${signature}`), 'badObjectSha1', unparsable],
  ['a tag without a type', tag(`object ${goodCommit.hash}\ntag v1\ntagger ${signature}`), 'missingTypeEntry', unparsable],
  ['a tag of an unknown type', tag(`object ${goodCommit.hash}\ntype thing\ntag v1\ntagger ${signature}`), 'badType', unparsable],
  ['a tag without a name', tag(`object ${goodCommit.hash}\ntype commit\ntagger ${signature}`), 'missingTagEntry', unparsable],
  ['a tag with a bad tagger', tag(`object ${goodCommit.hash}\ntype commit\ntag v1\ntagger A <a@x> 1 +00`), 'badTimezone'],
];

/** Runs real `git fsck --strict` over `object` (and what it may point to) in a new repository; its exit status and output. */
function gitFsck(object: RawObject): { ok: boolean; output: string } {
  const dir = makeTempDir();
  git(dir, ['init', '-q', '--bare']);
  for (const o of [blob, emptyTree, goodCommit, object]) git(dir, ['hash-object', '-t', o.type, '--literally', '-w', '--stdin'], Buffer.from(o.payload));
  const result = spawnSync('git', ['fsck', '--strict', '--no-dangling'], { cwd: dir, env: GIT_ENV });
  return { ok: result.status === 0, output: `${String(result.stdout)}${String(result.stderr)}` };
}

describe('fsckObject', () => {
  for (const [label, object, id, { ok, says } = { ok: id === undefined, says: id ?? '' }] of CASES) {
    it(label, () => {
      expect(fsckObject(object)?.id).toBe(id);
      expect(gitFsck(object)).toEqual({ ok, output: expect.stringContaining(says) });
    });
  }
});
