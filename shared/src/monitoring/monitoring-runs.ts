import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import { z } from 'zod';
import { MONITORING_RUN_JOB_OPTIONS } from '../queues';
import * as sql from './monitoring-sql';

export type MonitoringRunStatus = 'queued' | 'running' | 'done' | 'failed';

/** A run as GET /v1/monitoring/runs shows it to a workspace: its customers and alerts only. */
export interface MonitoringRunView {
  id: string;
  source: string;
  version: number;
  status: MonitoringRunStatus;
  entities: number | null;
  customers: number;
  alerts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

/** The job on the monitoring-runs queue: the run id, nothing else. */
export const monitoringRunJobSchema = z.strictObject({ runId: z.uuid() });
export type MonitoringRunJob = z.infer<typeof monitoringRunJobSchema>;

const iso = (v: Date | string | null) => (v ? new Date(v).toISOString() : null);

function rowToRun(r: Record<string, unknown>): MonitoringRunView {
  return {
    id: r.id as string,
    source: r.source_id as string,
    version: r.version as number,
    status: r.status as MonitoringRunStatus,
    entities: (r.entities as number | null) ?? null,
    customers: r.workspace_customers as number,
    alerts: r.workspace_alerts as number,
    createdAt: iso(r.created_at as string)!,
    startedAt: iso(r.started_at as string | null),
    finishedAt: iso(r.finished_at as string | null),
    error: (r.error as string | null) ?? null,
  };
}

/** The runs, newest first, keyset-paged (`before` a run id). */
export async function listMonitoringRuns(
  pool: Pool,
  workspaceId: string,
  page: { limit: number; before?: string },
): Promise<MonitoringRunView[]> {
  let at: string | null = null;
  if (page.before) {
    const before = (await pool.query<{ created_at: string }>(sql.RUN_BY_ID, [page.before])).rows[0];
    if (!before) return [];
    at = new Date(before.created_at).toISOString();
  }
  const { rows } = await pool.query(sql.RUNS_FOR_WORKSPACE, [workspaceId, at, page.before ?? null, page.limit]);
  return rows.map(rowToRun);
}

export async function getMonitoringRun(
  pool: Pool,
  id: string,
  workspaceId: string,
): Promise<MonitoringRunView | undefined> {
  const row = (await pool.query(sql.RUN_FOR_WORKSPACE, [id, workspaceId])).rows[0];
  return row ? rowToRun(row) : undefined;
}

/** Queues runs by their deterministic job id: a run already queued, running or kept as completed is not added twice. */
export async function enqueueMonitoringRuns(queue: Queue<MonitoringRunJob>, runIds: readonly string[]): Promise<void> {
  if (runIds.length === 0) return;
  await queue.addBulk(
    runIds.map((runId) => ({
      name: 'monitor',
      data: { runId },
      opts: { ...MONITORING_RUN_JOB_OPTIONS, jobId: runId },
    })),
  );
}
