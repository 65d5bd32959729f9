/** `@grove/merge/laws`: the law kit for vitest (or any runner) and fast-check. */
export { fuzzedBytes, mutated, typedOrValue } from './fuzz.js';
export { checkMergeLaws, mergeLaws } from './laws.js';
export type { Expected, Law, LawName, LawOptions, Versions } from './laws.js';
