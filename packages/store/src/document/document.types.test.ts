/**
 * Types inferred from a schema, checked by `tsc` (the package typecheck):
 * every `@ts-expect-error` below must be an error, or the typecheck fails.
 */
import { counter, type Mergeable } from '@grove/merge';
import { describe, expectTypeOf, it } from 'vitest';
import { document, json, Repo, text, type Cell, type CounterHandle, type HandleOf, type Handles, type ValueHandle, type ValueOf, type WithHandle } from '../index.js';

const schema = { visits: counter, title: text, pages: { home: text } };

/** A user type that brings its own handle. */
const Score: Mergeable<bigint> & WithHandle<bigint, { add(n: bigint): Promise<bigint> }> = {
  ...counter,
  handle: (cell: Cell<bigint>) => ({ add: (n: bigint) => cell.update((v) => (v ?? 0n) + n) }),
};

describe('document types', () => {
  it('infers handles and values from the schema', async () => {
    const doc = document(Repo.memory().branch('main'), { ...schema, score: Score, meta: json });
    expectTypeOf<HandleOf<typeof counter>>().toEqualTypeOf<CounterHandle>();
    expectTypeOf<HandleOf<typeof text>>().toEqualTypeOf<ValueHandle<string>>();
    expectTypeOf<ValueOf<typeof Score>>().toEqualTypeOf<bigint>();
    await doc.change(async (d) => {
      expectTypeOf(await d.visits.inc(2)).toEqualTypeOf<bigint>();
      expectTypeOf(await d.score.add(1n)).toEqualTypeOf<bigint>();
      await d.pages.home.set('Welcome');
    });
    expectTypeOf(await doc.read((d) => d.title.get())).toEqualTypeOf<string | undefined>();
    expectTypeOf(await doc.read((d) => d.score.add)).toBeFunction();
  });

  it('rejects wrong values and unknown names (compile-time only: never run)', () => {
    const wrong = (d: Handles<typeof schema>) => {
      // @ts-expect-error a title is a string, not a number
      void d.title.set(3);
      // @ts-expect-error a counter takes a bigint
      void d.visits.set('3');
      // @ts-expect-error text has no inc
      void d.title.inc();
      // @ts-expect-error not in the schema
      void d.pages.about;
    };
    expectTypeOf(wrong).toBeFunction();
  });
});
