import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { SHARED_SESSION_PARAMETER } from '../db';
import { PgliteWireServer } from './pglite-wire-server';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * Postgres for machines that have none: PGlite (Postgres compiled to WASM) served over the wire
 * protocol, so the rest of the code uses `pg` exactly as against a real server.
 * @param dataDir a folder to keep the data in, or undefined for an in-memory database.
 */
export async function startEmbeddedPostgres(dataDir?: string): Promise<EmbeddedPostgres> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  // The contrib extensions ship as ES modules only: load them with import(), which CommonJS output keeps as is.
  const [{ pg_trgm }, { unaccent }, { fuzzystrmatch }] = await Promise.all([
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/unaccent'),
    import('@electric-sql/pglite/contrib/fuzzystrmatch'),
  ]);
  const db = await PGlite.create({ dataDir, extensions: { pg_trgm, unaccent, fuzzystrmatch } });
  const server = new PgliteWireServer(db);
  const port = await server.listen('127.0.0.1', 0);
  // One PGlite session serves every connection: statements must not be prepared by name there.
  const url = `postgres://postgres@127.0.0.1:${port}/postgres?${SHARED_SESSION_PARAMETER}=1`;
  return {
    url,
    async stop() {
      await server.close();
      await db.close();
    },
  };
}
