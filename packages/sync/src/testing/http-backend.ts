/** Test support, not shipped: `git http-backend` for one bare repository, stopped when the running test finishes. */
import { basename, dirname } from 'node:path';
import { git } from '@grove/store/testing';
import { onTestFinished } from 'vitest';
import { startGitHttpBackend } from './git-http-backend.js';

/** Serves the bare repository `gitDir` (pushes enabled) until the running test finishes; resolves to its URL. */
export async function gitHttpBackend(gitDir: string): Promise<string> {
  git(gitDir, ['config', 'http.receivepack', 'true']);
  const backend = await startGitHttpBackend(dirname(gitDir));
  onTestFinished(() => backend.close());
  return `${backend.url}${basename(gitDir)}`;
}
