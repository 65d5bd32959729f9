/**
 * A backend that keeps a list of every object written through it, so a
 * history built quickly in memory can be copied to disk in one batch.
 */
import type { Backend, RawObject } from '@grove/store';

export function recording(inner: Backend): { backend: Backend; written: RawObject[] } {
  const written: RawObject[] = [];
  const objects = {
    read: inner.objects.read.bind(inner.objects),
    has: inner.objects.has.bind(inner.objects),
    async writeMany(batch: readonly RawObject[]) {
      written.push(...batch);
      await inner.objects.writeMany(batch);
    },
  };
  return { backend: { objects, refs: inner.refs }, written };
}
