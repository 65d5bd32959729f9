/** Turns the store's errors about damaged data into findings; anything else stays an error. */
import { isGroveError } from '@grove/merge';
import type { Finding, FindingKind } from './finding.js';

const KINDS: Readonly<Record<string, FindingKind>> = {
  'not-found': 'missing-object',
  'corrupt-object': 'corrupt-object',
  'wrong-type': 'corrupt-object',
  'corrupt-ref': 'corrupt-ref',
  'unknown-type': 'unknown-type',
};

/**
 * The finding for `error` when it reports damaged data (a missing or corrupt
 * object, a bad ref, an unknown type), with `where` added; rethrows any
 * other error, which means `fsck` itself could not run.
 */
export function asFinding(error: unknown, where: Omit<Finding, 'kind' | 'message'>, kinds: Readonly<Record<string, FindingKind>> = KINDS): Finding {
  const kind = isGroveError(error) ? kinds[error.code] : undefined;
  if (kind === undefined) throw error;
  const data = (error as { data?: { hash?: string } }).data;
  return { kind, message: (error as Error).message, ...(data?.hash === undefined ? {} : { hash: data.hash }), ...where };
}
