/**
 * Git's `receive.fsckObjects` for a push: every received object must pass
 * `git fsck --strict` (trees, commits and tags checked; blobs carry no
 * structure to check) before any ref moves, so a push cannot plant a `.git`
 * directory or an unreadable commit in every clone.
 */
import type { Hash, ObjectType, RawObject } from '@grove/store';
import type { FsckFinding } from './fsck-finding.js';
import { fsckCommit, fsckTag } from './fsck-headers.js';
import { fsckTree } from './fsck-tree.js';

/** A received object that fails `git fsck --strict`, and the check it fails. */
export interface FsckProblem extends FsckFinding {
  readonly hash: Hash;
  readonly type: ObjectType;
}

/** The first check `object` fails under `git fsck --strict`, or undefined when it passes. O(payload bytes). */
export function fsckObject(object: RawObject): FsckFinding | undefined {
  const payload = Buffer.from(object.payload.buffer, object.payload.byteOffset, object.payload.byteLength);
  if (object.type === 'tree') return fsckTree(payload);
  if (object.type === 'commit') return fsckCommit(payload);
  if (object.type === 'tag') return fsckTag(payload);
  return undefined;
}

/**
 * The first of `objects` that fails `git fsck --strict`, or undefined when
 * all pass. O(total payload bytes).
 *
 * @example
 * const problem = firstFsckProblem(received.values());
 * if (problem !== undefined) console.log(fsckReason(problem)); // "tree 1f2e…: hasDotgit: contains '.git'; …"
 */
export function firstFsckProblem(objects: Iterable<RawObject>): FsckProblem | undefined {
  for (const object of objects) {
    const found = fsckObject(object);
    if (found !== undefined) return { hash: object.hash, type: object.type, ...found };
  }
  return undefined;
}

/** The reason a push is refused for `problem`, as report-status sends it after `ng <ref> `. */
export function fsckReason(problem: FsckProblem): string {
  return `${problem.type} ${problem.hash} fails git fsck: ${problem.id}: ${problem.message}; rewrite the history without it and push again`;
}
