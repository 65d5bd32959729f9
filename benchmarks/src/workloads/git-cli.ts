/** Runs the real `git`, isolated from the user's and the system's configuration. */
import { spawn } from 'node:child_process';
import { devNull } from 'node:os';

const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull, LC_ALL: 'C' };

/** `git args…` with `input` on stdin; resolves to stdout, rejects with stderr on a non-zero exit. */
export function git(args: readonly string[], input?: string | Uint8Array): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new Error(`git ${args.join(' ')} exited with ${code}: ${Buffer.concat(err).toString().trim()}`));
    });
    child.stdin.end(input);
  });
}

/** The non-empty lines of `git args…`'s output. */
export async function gitLines(args: readonly string[], input?: string | Uint8Array): Promise<string[]> {
  return (await git(args, input)).toString('utf8').split('\n').filter((l) => l.length > 0);
}
