/**
 * `grove serve`: serve the repository over Git's smart HTTP protocol (so
 * `git clone` works), with the REST API and the live feed, until stopped.
 */
import { serve as serveRepo } from '@grove/sync';
import type { Command } from '../command.js';
import { openRepo } from '../context.js';
import { CliError, EXIT } from '../exit.js';
import { aborted } from '../io.js';

function port(text: string | undefined): number {
  if (text === undefined) return 8080;
  if (!/^\d{1,5}$/.test(text) || Number(text) > 65535) throw new CliError(`--port needs a port number 0-65535, not ${JSON.stringify(text)}`);
  return Number(text);
}

/** Prints its URL alone on stdout (and `grove: serving DIR...` on stderr), and serves until Ctrl-C (`io.signal`), then exits 0. */
export const serve: Command = {
  name: 'serve',
  params: '',
  summary: 'serve the repository: git clone/fetch/push over http, the REST API and live feed, until Ctrl-C',
  options: ['repo', 'port', 'host', 'token', 'read-only'],
  async run(ctx) {
    const repo = await openRepo(ctx);
    const token = ctx.options.token;
    const running = await serveRepo(repo, {
      port: port(ctx.options.port),
      host: ctx.options.host ?? '127.0.0.1',
      ...(token === undefined ? {} : { readToken: token, writeToken: token }),
      readOnly: ctx.options['read-only'] === true,
    });
    const unsubscribe = repo.failures.subscribe((failure) => ctx.io.stderr(`grove: ${failure.message}`));
    ctx.io.stdout(running.url);
    ctx.io.stderr(`grove: serving ${repo.backend.dir} at the URL above; press Ctrl-C to stop`);
    await aborted(ctx.io.signal);
    await running.close();
    unsubscribe();
    return EXIT.ok;
  },
};
