import { registerCustomers } from '@sanctions/shared/customers';
import type { Pool } from 'pg';
import { importEntities, listedEntity } from './list-factories';

/**
 * The book the monitoring fault tests run over: `planted` customers named after the person the list update adds (in
 * two orders of the name) and `unrelated` others. The seed's own run (which found no customers) is ended first, so
 * the only run left is the one the update starts.
 */
export async function plantMonitoredBook(pool: Pool, planted: number, unrelated: number): Promise<void> {
  await pool.query(`UPDATE monitoring_runs SET status = 'done', finished_at = now() WHERE status = 'queued'`);
  await registerCustomers(pool, 'default', [
    ...Array.from({ length: planted }, (_, i) => ({
      reference: `planted-${i}`,
      name: i % 2 === 0 ? 'Ivan Petrovich Sidorovsky' : 'Sidorovsky Ivan',
    })),
    ...Array.from({ length: unrelated }, (_, i) => ({ reference: `other-${i}`, name: `Customer Number ${i}` })),
  ]);
}

/** The list update that starts the run: the UN list now designates the planted customers' namesake. */
export async function designatePlantedPerson(pool: Pool, version: string): Promise<void> {
  await importEntities(
    pool,
    'un-sc',
    [listedEntity({ sourceEntityId: 'K-1', name: 'Ivan Petrovich Sidorovsky' })],
    version,
  );
}

/** The UN list's monitoring run, as the fault tests follow it. */
export async function unMonitoringRun(pool: Pool) {
  const { rows } = await pool.query(
    `SELECT id, status, watermark, alerts, error FROM monitoring_runs WHERE source_id = 'un-sc'`,
  );
  return rows[0];
}

/** A run's alerts: how many, for how many customers, and how many of them planted ones. */
export async function alertsOfRun(pool: Pool, runId: string) {
  const { rows } = await pool.query(
    `SELECT count(*)::int AS alerts, count(DISTINCT customer_reference)::int AS customers,
            count(*) FILTER (WHERE customer_reference LIKE 'planted-%')::int AS planted
     FROM alerts WHERE run_id = $1`,
    [runId],
  );
  return rows[0] as { alerts: number; customers: number; planted: number };
}
