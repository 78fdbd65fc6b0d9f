import type { Pool } from 'pg';

/** Rows per DELETE: short statements, so pruning never holds locks long. */
const PRUNE_BATCH = 5_000;

/**
 * Events older than the retention period whose deliveries are all finished (delivered or dead), with
 * their deliveries and attempts (ON DELETE CASCADE). A pending delivery keeps its event.
 */
const PRUNE_FINISHED_EVENTS = `
  DELETE FROM webhook_events
  WHERE id IN (
    SELECT e.id FROM webhook_events e
    WHERE e.created_at < now() - make_interval(secs => $1::double precision / 1000)
      AND e.dispatched_at IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM webhook_deliveries d WHERE d.event_id = e.id AND d.status = 'pending')
    LIMIT $2)`;

/**
 * Deletes webhook history past `retentionMs`, a bounded batch at a time; returns the events deleted.
 * The screenings and batch results the events reported are kept: only the delivery log goes.
 */
export async function pruneWebhookHistory(pool: Pool, retentionMs: number): Promise<number> {
  let total = 0;
  for (;;) {
    const { rowCount } = await pool.query(PRUNE_FINISHED_EVENTS, [retentionMs, PRUNE_BATCH]);
    total += rowCount ?? 0;
    if ((rowCount ?? 0) < PRUNE_BATCH) return total;
  }
}
