/** `pnpm demo`: Grove end to end, one part per feature. */
import { rmSync } from 'node:fs';
import { mergesDemo } from './merges.js';
import { queueDemo } from './queue.js';
import { ropeDemo } from './rope.js';
import { storeDemo } from './store.js';
import { structuresDemo } from './structures.js';
import { syncDemo } from './sync.js';

const log = (line: string) => console.log(line);
log('# Grove demo\n');
log('## Values that merge themselves (@grove/merge)\n');
mergesDemo(log);
log('\n## A Git repository as a mergeable store (@grove/store)');
const dir = await storeDemo(log);
rmSync(dir, { recursive: true, force: true });
log('\n## Counters, sets and maps that scale (@grove/counter, @grove/set, @grove/map)\n');
await structuresDemo(log);
log('\n## A distributed queue (@grove/queue)\n');
await queueDemo(log);
log('\n## Text that merges itself (@grove/rope)\n');
await ropeDemo(log);
log('\n## Replicas syncing through a Grove server (@grove/sync)\n');
await syncDemo(log);
