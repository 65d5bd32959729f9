/**
 * The input and output of the replay. Events carry content-free ops
 * (positions and lengths in elements: code points for a text, elements for
 * a list); the caller keeps the content and finds it again through the
 * `Span`s of the edits.
 */

/** One op against the document as it is when the op runs. */
export type Op =
  | { readonly kind: 'insert'; readonly pos: number; readonly len: number }
  | { readonly kind: 'delete'; readonly pos: number; readonly count: number };

/**
 * A run of elements the history inserted: elements `offset` to
 * `offset + len - 1` of op `op` of event `event`. `event` is `null` for the
 * base document (op 0, `offset` its index).
 */
export interface Span {
  readonly event: string | null;
  readonly op: number;
  readonly offset: number;
  readonly len: number;
}

/**
 * The ops of an event computed from the document its author saw, given as
 * the spans it holds in order (for a merge commit whose content must be
 * compared with what the merge of its parents gives).
 */
export type OpsOf = (seen: readonly Span[]) => readonly Op[];

/**
 * One event of the edit history (a commit). `parents` are event ids; `[]`
 * means the base. `ops` run in order against the document as the event's
 * author saw it: the base with every ancestor event applied, then the
 * event's earlier ops. A merge event has several parents and usually no ops.
 */
export interface Event {
  readonly id: string;
  readonly parents: readonly string[];
  readonly ops: readonly Op[] | OpsOf;
}

/**
 * One edit of the merged document, in sequence: insert the elements of
 * `span` at `pos`, or delete `count` elements at `pos`.
 */
export type Edit = { readonly kind: 'insert'; readonly pos: number; readonly span: Span } | { readonly kind: 'delete'; readonly pos: number; readonly count: number };
