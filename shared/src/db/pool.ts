import { createHash } from 'node:crypto';
import { Pool, type PoolClient } from 'pg';

export type { Pool, PoolClient } from 'pg';

/**
 * Set to 1 on the URL of a server whose connections share one session, where a statement one connection prepares
 * exists for all of them: the embedded PGlite (startEmbeddedPostgres sets it), or a pooler in transaction mode.
 * Nothing is prepared there.
 */
export const SHARED_SESSION_PARAMETER = 'shared_session';

/**
 * Distinct statements a process prepares at most (the first ones it sends with parameters; the hot path's are among
 * them). Bounds what each connection holds on the server should some code build its SQL text at run time.
 */
const MAX_PREPARED_STATEMENTS = 300;
const statementNames = new Map<string, string>();

function statementName(text: string): string | undefined {
  let name = statementNames.get(text);
  if (name === undefined && statementNames.size < MAX_PREPARED_STATEMENTS) {
    name = `s_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    statementNames.set(text, name);
  }
  return name;
}

function sharesOneSession(connectionString: string): boolean {
  try {
    return new URL(connectionString).searchParams.get(SHARED_SESSION_PARAMETER) === '1';
  } catch {
    return false;
  }
}

/**
 * Every parameterised statement runs as a named prepared statement, parsed and planned once per connection: Postgres
 * then spends about half the CPU on it (measured in docs/decisions/0014: 100 instead of 250 µs for a screening's read),
 * and a screening sends eight of them. The name is a hash of the text, so the same statement has the same name on
 * every connection and two statements never share one.
 */
function prepareStatements(client: PoolClient): void {
  const query = client.query as (...args: unknown[]) => unknown;
  (client as { query: unknown }).query = function (this: PoolClient, ...args: unknown[]) {
    const [text, values, callback] = args;
    if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
      const name = statementName(text);
      if (name) return query.call(this, { name, text, values }, callback);
    }
    return query.apply(this, args);
  };
}

export function createPool(connectionString: string, max = 10): Pool {
  const pool = new Pool({ connectionString, max, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 });
  const prepare = !sharesOneSession(connectionString);
  // A client losing its connection (Postgres restart) must not crash the process. pg-pool listens only
  // while a client is idle; a checked-out one would emit an unhandled 'error'. Its pending and next
  // queries fail instead, and the pool drops it on release because it is no longer queryable.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    client.on('error', () => undefined);
    if (prepare) prepareStatements(client);
  });
  return pool;
}

/** Runs `work` in one transaction; rolls back on any error and rethrows it. */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    // A connection that cannot even roll back (Postgres restarted) is destroyed, not handed to the next caller.
    client.release(broken);
  }
}
