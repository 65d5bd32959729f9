/** Demo part 1: values built from combinators merge themselves. */
import { codecs, counter, defaultMerge, mapOf, record, setOf, type MergeResult } from '@grove/merge';

const show = (r: MergeResult<unknown>): string =>
  r.ok
    ? `ok ${JSON.stringify(r.value, (_, v) => (typeof v === 'bigint' ? `${v}n` : v instanceof Map ? Object.fromEntries(v) : v instanceof Set ? [...v] : v))}`
    : `conflict\n${r.conflicts.map((c) => `    ${c.kind}: ${c.message}`).join('\n')}`;

export function mergesDemo(log: (line: string) => void): void {
  const page = record({ title: defaultMerge(codecs.string), views: counter, tags: setOf(codecs.string) });
  const base = { title: 'Irmin for TypeScript', views: 10n, tags: new Set(['git', 'crdt']) };
  const ours = { ...base, views: 13n, tags: new Set(['git', 'crdt', 'merge']) };
  const theirs = { ...base, title: 'Grove', views: 12n, tags: new Set(['git']) };
  log('A page edited on two replicas (title: default merge, views: counter, tags: set):');
  log(`  ${show(page.merge({ base, ours, theirs }))}`);

  const both = { ...theirs, title: 'Grove: Git-shaped data' };
  log('The same page when both replicas retitle it:');
  log(`  ${show(page.merge({ base, ours: { ...ours, title: 'Grove, the store' }, theirs: both, path: ['pages', 'home'] }))}`);

  const scores = mapOf(counter);
  log('Per-player scores from two replicas that never shared history (no base):');
  log(`  ${show(scores.merge({ base: undefined, ours: new Map([['ada', 3n]]), theirs: new Map([['ada', 2n], ['bob', 1n]]) }))}`);
}
