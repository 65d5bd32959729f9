/**
 * Bearer tokens: one for reading, one for writing (the write token also
 * reads). `Authorization: Bearer T`, or Basic with T as the password so
 * `git clone http://grove:T@host/` works.
 */
import { timingSafeEqual } from 'node:crypto';
import { SyncError } from '../errors.js';

/** Who may do what; a missing token means that access is open. */
export interface AccessOptions {
  /** Required to read (clone, fetch, GET). The write token reads too. */
  readonly readToken?: string;
  /** Required to write (push, PUT, DELETE, merge). */
  readonly writeToken?: string;
  /** Refuse every write with 403, whatever the token. */
  readonly readOnly?: boolean;
}

/** The token a request carries: Bearer, or the password of Basic. */
function presented(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const [scheme = '', value = ''] = header.trim().split(/\s+/, 2);
  if (/^bearer$/i.test(scheme)) return value;
  if (/^basic$/i.test(scheme)) {
    const decoded = Buffer.from(value, 'base64').toString('utf8');
    return decoded.slice(decoded.indexOf(':') + 1);
  }
  return undefined;
}

function same(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Throws `auth` (401) or `read-only` (403) unless `authorization` allows a read or a write. */
export function checkAccess(options: AccessOptions, authorization: string | undefined, write: boolean): void {
  if (write && options.readOnly) throw new SyncError('read-only', 'this server is read-only; push to a server started without --read-only');
  const token = presented(authorization);
  const allowed = write ? [options.writeToken] : [options.readToken, options.writeToken];
  const required = allowed.filter((t): t is string => t !== undefined);
  const open = write ? options.writeToken === undefined : options.readToken === undefined;
  if (open) return;
  if (token === undefined) throw new SyncError('auth', `this server needs a ${write ? 'write' : 'read'} token; send "Authorization: Bearer TOKEN"`, { status: 401 });
  if (!required.some((t) => same(t, token))) throw new SyncError('auth', `the token does not allow ${write ? 'writing' : 'reading'}; use the server's ${write ? 'write' : 'read'} token`, { status: 403 });
}
