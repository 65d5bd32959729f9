/** `pnpm demo`: Grove end to end, one part per feature. */
import { mergesDemo } from './merges.js';

const log = (line: string) => console.log(line);
log('# Grove demo\n');
mergesDemo(log);
