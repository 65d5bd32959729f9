/**
 * What the sync commands share: the remote a command names (with the token
 * from `--token` or `$GROVE_TOKEN`) and a progress line that is drawn only
 * on a terminal.
 */
import type { Repo } from '@grove/store';
import { getRemote, listRemotes, type Progress, type Remote } from '@grove/sync';
import type { Context } from './context.js';
import { CliError } from './exit.js';

/** The token clients send: `--token`, else `$GROVE_TOKEN`. */
export function clientToken(ctx: Context): string | undefined {
  return ctx.options.token ?? ctx.io.env?.['GROVE_TOKEN'];
}

/** The configured remote `name` (default `origin`). Throws a usage error saying how to add it when there is none. */
export async function namedRemote(ctx: Context, repo: Repo, name = 'origin'): Promise<Remote> {
  if (!(await listRemotes(repo)).has(name)) throw new CliError(`no remote ${JSON.stringify(name)}; add it with grove remote add NAME URL`);
  const token = clientToken(ctx);
  return getRemote(repo, name, token === undefined ? {} : { token });
}

/** `1.5 MiB`, `12 KiB`, `300 B`. */
function size(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} KiB` : `${bytes} B`;
}

/** A progress callback drawing `receiving: 120 objects, 1.5 MiB` on a terminal, and `end` to close the line. */
export function progressLine(ctx: Context): { onProgress?: (p: Progress) => void; end(): void } {
  const { progress } = ctx.io;
  if (progress === undefined) return { end() {} };
  let drawn = false;
  return {
    onProgress: (p) => {
      drawn = true;
      progress(`${p.phase}: ${p.objects} objects, ${size(p.bytes)}`);
    },
    end: () => {
      if (drawn) progress('\n');
    },
  };
}
