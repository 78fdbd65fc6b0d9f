import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { createPool, migrate, type Pool } from '../../shared/src/db';
import { isListening, startEmbeddedPostgres } from '../../shared/src/local-infra';

/** The repository root, from bench/dist/bench/lib where this file runs. */
const REPO = path.resolve(__dirname, '../../../..');
const DEFAULT_SERVER = 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database on `server` (a connection string to any database there), dropped with `drop()` when the bench ends. */
async function createScratchDatabase(
  server: string,
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const u = new URL(server);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      const c = new Client({ connectionString: server });
      await c.connect();
      await c.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

export interface MigratedScratch {
  url: string;
  /** A pool on the scratch database; a bench may end it early (before spawning services), `drop()` then skips it. */
  pool: Pool;
  /** Where the database lives, for the bench's table: "PostgreSQL server" or "embedded PGlite". */
  label: string;
  /** Ends the pool if it is still open and drops the database. */
  drop(): Promise<void>;
}

/**
 * A fresh, migrated database for a bench: on DATABASE_URL's server (default 127.0.0.1:5432), named `prefix_<random>`,
 * with a pool of `poolSize`. With `embeddedFallback`, no server answering on 127.0.0.1:5432 means the embedded PGlite.
 */
export async function openMigratedScratch(
  prefix: string,
  options: { poolSize?: number; embeddedFallback?: boolean } = {},
): Promise<MigratedScratch> {
  const server =
    process.env['DATABASE_URL'] ??
    (!options.embeddedFallback || (await isListening('127.0.0.1', 5432)) ? DEFAULT_SERVER : undefined);
  const scratch = server
    ? { ...(await createScratchDatabase(server, prefix)), label: 'PostgreSQL server' }
    : await embedded();
  const pool = createPool(scratch.url, options.poolSize ?? 4);
  const drop = async () => {
    if (!pool.ended) await pool.end();
    await scratch.drop();
  };
  try {
    await migrate(pool, path.join(REPO, 'shared/migrations'));
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  return { url: scratch.url, pool, label: scratch.label, drop };
}

async function embedded(): Promise<{ url: string; drop: () => Promise<void>; label: string }> {
  const pg = await startEmbeddedPostgres();
  return { url: pg.url, drop: () => pg.stop(), label: 'embedded PGlite' };
}
