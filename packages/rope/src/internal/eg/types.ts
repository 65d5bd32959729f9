/** The input of a replay: events of an edit history, each a list of text operations. */

/**
 * One text operation, positions and counts in Unicode code points (an astral
 * character counts as one), against the document as it is when the op runs.
 */
export type Op =
  | { readonly kind: 'insert'; readonly pos: number; readonly text: string }
  | { readonly kind: 'delete'; readonly pos: number; readonly count: number };

/**
 * One event of the edit history (a commit, later). `parents` are event ids;
 * `[]` means the base text. `ops` run in order against the document as the
 * event's author saw it: the base with every ancestor event applied, then
 * the event's earlier ops. A merge event has several parents and no ops.
 */
export interface Event {
  readonly id: string;
  readonly parents: readonly string[];
  readonly ops: readonly Op[];
}
