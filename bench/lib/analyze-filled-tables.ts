import type { Pool } from '../../shared/src/db';

/**
 * Planner statistics for the tables that hold rows (the loaded lists), as autovacuum gathers them soon after an
 * import; the tables still empty (screenings, alerts, history…) are left never analyzed, as on a fresh deployment.
 * Analyzed empty, they are known to hold nothing: the plans each connection then caches for foreign-key checks
 * (`SELECT 1 FROM ONLY screenings x WHERE id = $1 FOR KEY SHARE`) scan them whole, and keep doing so as they grow
 * while nothing analyzes them again (autovacuum is off on this machine's server): decision 0042. Returns the tables
 * analyzed.
 */
export async function analyzeFilledTables(pool: Pool): Promise<string[]> {
  const { rows } = await pool.query<{ name: string }>(
    `SELECT format('%I.%I', n.nspname, c.relname) AS name
     FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = 'r' AND n.nspname = current_schema()
     ORDER BY 1`,
  );
  const analyzed: string[] = [];
  for (const { name } of rows) {
    const { rows: filled } = await pool.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM ${name}) AS any`);
    if (!filled[0]!.any) continue;
    await pool.query(`ANALYZE ${name}`);
    analyzed.push(name);
  }
  return analyzed;
}
