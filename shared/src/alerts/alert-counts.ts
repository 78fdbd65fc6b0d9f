import type { Pool } from 'pg';
import { ALERT_STATUSES, type AlertStatus } from './alert-types';

/** One index-only pass over alerts_by_status_created (workspace, status, …): exact, not a listing's length. */
const COUNT_BY_STATUS = `SELECT status, count(*)::int AS n FROM alerts WHERE workspace_id = $1 GROUP BY status`;

/** The workspace's alerts per status, every status present (0 when none). */
export async function countAlertsByStatus(pool: Pool, workspaceId: string): Promise<Record<AlertStatus, number>> {
  const counts = Object.fromEntries(ALERT_STATUSES.map((s) => [s, 0])) as Record<AlertStatus, number>;
  const { rows } = await pool.query<{ status: AlertStatus; n: number }>(COUNT_BY_STATUS, [workspaceId]);
  for (const r of rows) counts[r.status] = r.n;
  return counts;
}
