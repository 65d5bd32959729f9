/** HTTP error statuses as typed errors: 401/403 `auth`, 404 `not-found`, others `rejected`. */
import { SyncError } from '../errors.js';

/** `: <message>` from a JSON `{ message }` or text error body, or nothing. */
function detail(body: Buffer): string {
  const text = body.toString('utf8').slice(0, 500).trim();
  if (text === '') return '';
  try {
    const parsed = JSON.parse(text) as { message?: unknown };
    return typeof parsed.message === 'string' ? `: ${parsed.message}` : `: ${text}`;
  } catch {
    return `: ${text}`;
  }
}

/** The error for answer `status` from `url` to a request for `what`. */
export function statusError(url: string, status: number, what: string, body: Buffer): SyncError {
  const data = { url, status };
  const said = detail(body);
  if (status === 401 || status === 403) return new SyncError('auth', `${url} refused ${what} (${status}${said}); pass a token that allows it`, data);
  if (status === 404) return new SyncError('not-found', `${url} has no ${what} (404${said}); check the URL`, data);
  return new SyncError('rejected', `${url} answered ${status} to ${what}${said}`, data);
}
