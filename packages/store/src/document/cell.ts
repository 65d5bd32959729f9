/**
 * Cells: one path of a document bound to one change. A cell reads its
 * value at most once, keeps it in memory while handles edit it, and is
 * written once when the change ends, so ten edits of one map write its
 * changed shards once.
 */
import { StoreError } from '../errors.js';
import type { Path } from '../objects/names.js';
import type { Transaction } from '../transaction.js';
import type { StoredType } from '../values/registry.js';

/**
 * A path bound to a change (or a read): what a handle works on. Verbs on
 * one cell run one after another, each seeing the last one's value.
 * @example
 * const handle = (cell: Cell<bigint>) => ({ double: () => cell.update((v) => (v ?? 0n) * 2n) });
 */
export interface Cell<T> {
  readonly path: Path;
  /** The value as changed so far; undefined when absent. Reads the store the first time only. */
  get(): Promise<T | undefined>;
  /** Replaces the value. Throws `read-only` outside a change. */
  set(value: T): Promise<void>;
  /** Removes the value. Throws `read-only` outside a change. */
  delete(): Promise<void>;
  /**
   * Replaces the value with `f(current)` (undefined removes it) and returns
   * it; returning `current` itself writes nothing. `f` must not call this
   * cell's verbs (they wait for it). Throws `read-only` outside a change.
   */
  update<R extends T | undefined>(f: (current: T | undefined) => R | Promise<R>): Promise<R>;
}

class StoredCell<T> implements Cell<T> {
  readonly path: Path;
  readonly #type: StoredType;
  readonly #cells: Cells;
  /** Undefined until read; then the current value (undefined: absent). */
  #state: { readonly value: T | undefined } | undefined;
  #dirty = false;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(path: Path, type: StoredType, cells: Cells) {
    this.path = path;
    this.#type = type;
    this.#cells = cells;
  }

  get(): Promise<T | undefined> {
    return this.#serial(() => this.#current());
  }

  async set(value: T): Promise<void> {
    await this.update(() => value);
  }

  async delete(): Promise<void> {
    await this.update(() => undefined);
  }

  update<R extends T | undefined>(f: (current: T | undefined) => R | Promise<R>): Promise<R> {
    return this.#serial(async () => {
      this.#cells.checkWritable(this.path);
      const current = await this.#current();
      const next = await f(current);
      if (next !== current) this.#write(next);
      return next;
    });
  }

  /** Writes the value into the transaction when a verb changed it. */
  async flush(tx: Transaction): Promise<void> {
    await this.#queue;
    if (!this.#dirty) return;
    const value = this.#state!.value;
    if (value === undefined) await tx.remove(this.path);
    else await tx.set(this.path, value, this.#type);
  }

  #write(value: T | undefined): void {
    this.#state = { value };
    this.#dirty = true;
  }

  async #current(): Promise<T | undefined> {
    this.#state ??= { value: await this.#cells.tx.get<T>(this.path, this.#type) };
    return this.#state.value;
  }

  #serial<R>(op: () => Promise<R>): Promise<R> {
    const run = this.#queue.then(op);
    this.#queue = run.catch(() => undefined);
    return run;
  }
}

/** The cells of one change (or one read) over a transaction. */
export class Cells {
  readonly tx: Transaction;
  readonly #writable: boolean;
  readonly #cells: StoredCell<unknown>[] = [];

  constructor(tx: Transaction, writable: boolean) {
    this.tx = tx;
    this.#writable = writable;
  }

  /** A new cell at `path` holding values of `type`. */
  cell<T>(path: Path, type: StoredType): Cell<T> {
    const cell = new StoredCell<T>(path, type, this);
    this.#cells.push(cell as StoredCell<unknown>);
    return cell;
  }

  /** Throws `read-only` when these cells belong to a read. */
  checkWritable(path: Path): void {
    if (!this.#writable) throw new StoreError('read-only', `${path.join('/')} was edited inside doc.read; make edits inside doc.change`, { path });
  }

  /** Writes every edited cell into the transaction, in schema order. */
  async flush(): Promise<void> {
    for (const cell of this.#cells) await cell.flush(this.tx);
  }
}
