/** Socket-level codes of a Postgres that is down, restarting or unreachable. */
const CONNECTION_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/** SQLSTATE classes 08 (connection exception) and 57P0x (shutting down, cannot connect now), 53300 (too many connections). */
const UNAVAILABLE_SQLSTATE = /^(08...|57P0[1-4]|53300)$/;

/** What pg says when it lost a connection or never got one, without a code. */
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|connection (?:is closed|ended)|Client was closed/i;

/**
 * True for an error that says Postgres cannot be reached right now (down, restarting, out of
 * connections), as opposed to a query that is wrong: the API answers 503 with Retry-After.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const e = error as { code?: unknown; message?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (CONNECTION_CODES.has(e.code) || UNAVAILABLE_SQLSTATE.test(e.code))) return true;
  if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
  // Node's AggregateError for a host with several addresses (IPv4 and IPv6 both refused).
  return Array.isArray(e.errors) && e.errors.some(isDatabaseUnavailable);
}
