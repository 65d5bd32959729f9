/**
 * `document(branch, schema)`: typed handles over a branch. Edits inside one
 * `change` are one commit; `read` reads the head. Values and verbs are
 * inferred from the schema.
 */
import type { Branch } from '../branch.js';
import type { Commit } from '../objects/objects.js';
import type { CommitOptions } from '../repo-context.js';
import { Transaction } from '../transaction.js';
import { Cells } from './cell.js';
import { checkSchema, handlesOf, type Handles, type Schema } from './schema.js';

/**
 * A branch seen through a schema.
 * @example
 * const doc = document(main, { votes: GMap.structure(counter), title: text });
 * await doc.change(async (d) => { await d.votes.inc('ada', 2); await d.title.set('Hi'); });
 * await doc.read((d) => d.votes.get('ada')); // 2n
 */
export interface Document<S extends Schema> {
  readonly branch: Branch;
  readonly schema: S;
  /**
   * Runs `f` on the handles and commits what it changed as one commit
   * (undefined when nothing changed). Each edited value is written once, at
   * the end. On a lost race with another writer `f` runs again on the new
   * head, so keep side effects out of it.
   */
  change(f: (d: Handles<S>) => unknown, options?: CommitOptions): Promise<Commit | undefined>;
  /** Runs `f` on the handles at the head and returns its result. Edits throw `read-only`. */
  read<R>(f: (d: Handles<S>) => R | Promise<R>): Promise<R>;
}

/**
 * The document over `branch` with `schema` (checked: `invalid-path` for a
 * key that cannot be a path segment). O(schema size).
 * @example
 * const doc = document(repo.branch('main'), { title: text, pages: { home: text } });
 * await doc.change((d) => d.pages.home.set('Welcome')); // stored at pages/home
 */
export function document<const S extends Schema>(branch: Branch, schema: S): Document<S> {
  checkSchema(schema);
  return {
    branch,
    schema,
    change: (f, options = {}) =>
      branch.update(async (tx) => {
        const cells = new Cells(tx, true);
        await f(handlesOf(schema, cells));
        await cells.flush();
      }, options),
    async read(f) {
      const head = await branch.head();
      const tx = new Transaction(await branch.repo.commitTree(head), branch.repo, head);
      return await f(handlesOf(schema, new Cells(tx, false)));
    },
  };
}
