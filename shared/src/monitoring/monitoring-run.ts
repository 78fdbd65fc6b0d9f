import type { Pool, PoolClient } from 'pg';
import { insertAlerts, type NewAlert } from '../alerts';
import { withTransaction } from '../db';
import { listVersionLabel, recordMonitoringHistory } from '../history';
import type { DesignationMatch } from '../designations';
import type { EntityType } from '../lists';
import type { Logger } from '../logging';
import type { LoadedIndex } from '../screening';
import { applySuppressions } from '../suppressions';
import { recordEvent } from '../webhooks';
import type { CustomerIndex } from './customer-index';
import { customerQuery, DeltaScreening } from './delta-screening';
import * as sql from './monitoring-sql';

/** Candidate customers screened and written per transaction: the unit a killed run resumes after. */
export const MONITORING_CHUNK = 2_000;
export interface MonitoringRunHooks {
  /** Called after each chunk commits: lets tests crash a worker mid-run. */
  afterChunk?: (runId: string, watermark: number) => void | Promise<void>;
}

interface CustomerRow {
  id: string;
  workspace_id: string;
  reference: string;
  name: string;
  entity_type: EntityType | null;
  birth_date: string | null;
  country: string | null;
}

/** A candidate customer and its matches on the delta's records. */
interface Found {
  customer: CustomerRow;
  matches: DesignationMatch[];
}

/** The error a run is retried on: the worker's list index does not hold the run's version yet. */
export class IndexBehindRunError extends Error {}

/**
 * Screens a list version's delta against every monitored customer of every workspace. The customer index finds the
 * customers that may match a delta entity's names; each is then screened forward against the whole active list index,
 * exactly as a normal screening (same matcher, threshold, limit and designation merge), and the matches on delta
 * entities become its alert. So the alerts are what a full rescreen of every customer would newly find on the delta.
 * Chunks are written in customer id order under a watermark: a killed or retried run writes no alert twice.
 */
export async function performMonitoringRun(
  deps: { pool: Pool; logger: Logger },
  indexes: { lists: LoadedIndex; customers: CustomerIndex },
  runId: string,
  options: { threshold: number; limit: number },
  hooks: MonitoringRunHooks = {},
): Promise<{ outcome: 'done' | 'already-finished'; alerts: number; candidates: number }> {
  const { pool } = deps;
  const run = (await pool.query(sql.RUN_BY_ID, [runId])).rows[0];
  if (!run || run.status === 'done' || run.status === 'failed')
    return { outcome: 'already-finished', alerts: 0, candidates: 0 };
  const active = indexes.lists.versions.find((v) => v.sourceId === run.source_id);
  if (!active || active.version < run.version)
    throw new IndexBehindRunError(`The list index does not hold ${run.source_id}@${run.version} yet`);

  // Where a run's time goes, in its log line: the bench and an operator read them.
  const phases: Record<string, number> = {};
  let phaseStart = Date.now();
  const phase = (name: string) => {
    const now = Date.now();
    phases[name] = (phases[name] ?? 0) + now - phaseStart;
    phaseStart = now;
  };
  const delta = await loadDelta(pool, run.version_id);
  // Marking the run started counts its customers (one scan of them): Postgres does it while this process asks the
  // customer index and screens the first chunk. Candidates up to the watermark read above are done; one written since
  // by another attempt is skipped under the run's lock.
  const starting = startRun(pool, runId, delta.screened.size);
  starting.catch(() => undefined);
  phase('deltaMs');
  const candidateSet = new Set<number>();
  for (const name of delta.names) for (const id of indexes.customers.candidates(name)) candidateSet.add(id);
  let watermark = Number(run.watermark);
  const candidates = [...candidateSet].filter((id) => id > watermark).sort((a, b) => a - b);
  const screening = new DeltaScreening(delta.screened, indexes.lists, options);
  phase('reverseLookUpMs');

  let alerts = 0;
  for (let start = 0; start < candidates.length; start += MONITORING_CHUNK) {
    const ids = candidates.slice(start, start + MONITORING_CHUNK);
    const last = ids[ids.length - 1]!;
    const rows = (await pool.query<CustomerRow>(sql.CUSTOMERS_BY_IDS, [ids])).rows;
    phase('readCustomersMs');
    const found: Found[] = rows
      .map((customer) => ({ customer, matches: screening.matches(customer) }))
      .filter((f) => f.matches.length > 0);
    phase('screenMs');
    if ((await starting) === undefined) return { outcome: 'already-finished', alerts, candidates: candidateSet.size };
    phase('startMs');
    alerts += await withTransaction(pool, async (tx) => {
      const locked = (await tx.query<{ status: string; watermark: string }>(sql.LOCK_RUN, [runId])).rows[0];
      if (!locked || locked.status !== 'running' || Number(locked.watermark) >= last) return 0;
      const unsuppressed = await suppressRunMatches(tx, found);
      const open = await openAlertEntities(
        tx,
        unsuppressed.map((f) => f.customer),
      );
      const newAlerts: NewAlert[] = unsuppressed
        .map(({ customer, matches }) => ({
          customer,
          matches: matches.filter(
            (m) => !m.entityIds.some((e) => open.get(`${customer.workspace_id}\u0000${customer.reference}`)?.has(e)),
          ),
        }))
        .filter((f) => f.matches.length > 0)
        .map(({ customer, matches }) => ({
          workspaceId: customer.workspace_id,
          source: 'monitoring',
          runId,
          customerReference: customer.reference,
          query: customerQuery(customer),
          matches,
        }));
      const made = await insertAlerts(tx, newAlerts);
      await recordMonitoringHistory(tx, made, listVersionLabel(indexes.lists.versions));
      const byWorkspace = new Map<string, number>();
      if (made.length > 0) {
        const rowsMade = await tx.query<{ workspace_id: string; n: number }>(sql.ALERTS_MADE_BY_WORKSPACE, [made]);
        for (const r of rowsMade.rows) byWorkspace.set(r.workspace_id, r.n);
      }
      await tx.query(sql.ADVANCE_WATERMARK, [runId, last, made.length]);
      if (byWorkspace.size > 0)
        await tx.query(sql.ADD_WORKSPACE_ALERTS, [runId, [...byWorkspace.keys()], [...byWorkspace.values()]]);
      return made.length;
    });
    watermark = last;
    phase('writeMs');
    await hooks.afterChunk?.(runId, watermark);
  }

  if ((await starting) === undefined) return { outcome: 'already-finished', alerts, candidates: candidateSet.size };
  phase('startMs');
  await withTransaction(pool, async (tx) => {
    if (delta.removed.length > 0) await tx.query(sql.RECORD_DELISTED, [runId, delta.removed]);
    const finished = await tx.query(sql.FINISH_RUN, [runId]);
    if ((finished.rowCount ?? 0) > 0) await recordEvent(tx, { type: 'monitoring.run.completed', runId });
  });
  phase('finishMs');
  deps.logger.info('monitoring run done', {
    runId,
    source: run.source_id,
    version: run.version,
    entities: delta.screened.size,
    candidates: candidateSet.size,
    ...screening.counts,
    alerts,
    ...phases,
  });
  return { outcome: 'done', alerts, candidates: candidateSet.size };
}

/**
 * Leaves out the matches a live suppression of the customer covers, as a normal screening does (same lookup, one
 * indexed query per workspace in the chunk). A suppression whose record changed in this version no longer applies, so
 * the match comes back and makes its alert.
 */
async function suppressRunMatches(tx: PoolClient, found: Found[]): Promise<Found[]> {
  const byWorkspace = new Map<string, Found[]>();
  for (const f of found) {
    const group = byWorkspace.get(f.customer.workspace_id);
    if (group) group.push(f);
    else byWorkspace.set(f.customer.workspace_id, [f]);
  }
  const kept: Found[] = [];
  for (const [workspaceId, group] of byWorkspace) {
    const applied = await applySuppressions(
      tx,
      workspaceId,
      group.map((f) => ({ reference: f.customer.reference, name: f.customer.name, birthDate: f.customer.birth_date })),
      group.map((f) => f.matches),
    );
    group.forEach((f, i) => kept.push({ customer: f.customer, matches: applied.kept[i]! }));
  }
  return kept.filter((f) => f.matches.length > 0);
}

/**
 * Marks the run running (a resumed one keeps its counts and watermark) with its customers counted per workspace, in
 * one scan of the customers. Undefined when the run is no longer to be run.
 */
async function startRun(pool: Pool, runId: string, entities: number): Promise<true | undefined> {
  await pool.query(sql.RECORD_WORKSPACE_COUNTS, [runId]);
  const started = await pool.query(sql.START_RUN, [runId, entities]);
  return started.rowCount === 0 ? undefined : true;
}

/** The delta's screened (added and changed) and removed records, and the distinct names the screened ones hold now. */
async function loadDelta(
  pool: Pool,
  versionId: string,
): Promise<{ screened: Set<string>; removed: string[]; names: string[] }> {
  const { rows } = await pool.query<{ entity_id: string; change: string; name: string | null }>(sql.DELTA_NAMES, [
    versionId,
  ]);
  const screened = new Set<string>();
  const removed: string[] = [];
  const names = new Set<string>();
  for (const r of rows) {
    if (r.change === 'removed') removed.push(r.entity_id);
    else {
      screened.add(r.entity_id);
      if (r.name) names.add(r.name);
    }
  }
  return { screened, removed, names: [...names] };
}

async function openAlertEntities(
  tx: { query: Pool['query'] },
  customers: CustomerRow[],
): Promise<Map<string, Set<string>>> {
  const open = new Map<string, Set<string>>();
  if (customers.length === 0) return open;
  const { rows } = await tx.query<{ workspace_id: string; reference: string; entity_ids: string[] }>(
    sql.OPEN_ALERT_ENTITIES,
    [customers.map((c) => c.workspace_id), customers.map((c) => c.reference)],
  );
  for (const r of rows) {
    const key = `${r.workspace_id}\u0000${r.reference}`;
    const set = open.get(key) ?? new Set<string>();
    for (const id of r.entity_ids) set.add(id);
    open.set(key, set);
  }
  return open;
}

/** Marks a run failed once its job's attempts are spent. */
export async function markMonitoringRunFailed(pool: Pool, runId: string, reason: string): Promise<void> {
  await pool.query(sql.FAIL_RUN, [runId, reason]);
}

/** Runs still queued or running after the grace period: their job may be lost; the reconciler queues them again. */
export async function unfinishedMonitoringRuns(pool: Pool, graceMs: number): Promise<string[]> {
  return (await pool.query<{ id: string }>(sql.UNFINISHED_RUNS, [graceMs])).rows.map((r) => r.id);
}
