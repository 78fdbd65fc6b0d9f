import type { Pool, PoolClient } from 'pg';
import type { SharedDesignations } from './designation-merge';
import * as sql from './designation-sql';

/** Reads the designations with more than one active record, keyed by each of their records. */
export async function loadSharedDesignations(db: Pool | PoolClient): Promise<SharedDesignations> {
  const { rows } = await db.query<{ designation_key: string; ids: string[] }>(sql.SHARED_DESIGNATIONS);
  const shared = new Map<string, readonly string[]>();
  for (const row of rows) {
    const ids = Object.freeze([...row.ids]);
    for (const id of ids) shared.set(id, ids);
  }
  return shared;
}
