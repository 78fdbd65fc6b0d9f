import type { Pool, PoolClient } from 'pg';
import type { AlertCursor, AlertListQuery } from './alert-list-query';
import * as sql from './alert-sql';
import type { AlertEventView, AlertMatchView, AlertView } from './alert-types';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const round = (score: number) => Math.round(score * 1000) / 1000;

interface AlertRow {
  id: string;
  status: AlertView['status'];
  source: AlertView['source'];
  screening_id: string | null;
  batch_id: string | null;
  line: number | null;
  run_id: string | null;
  reference: string | null;
  query: AlertView['query'];
  assignee: string | null;
  outcome: AlertView['outcome'];
  created_at: Date;
  updated_at: Date;
  closed_at: Date | null;
  created_key: string;
  score_key: string;
}

function rowToMatch(m: Record<string, any>): AlertMatchView {
  return {
    entityId: m.entity_id,
    entityIds: m.entity_ids,
    name: m.entity_name,
    type: m.entity_type,
    matchedName: m.matched_name,
    matchedNameKind: m.matched_name_kind,
    score: round(m.score),
    lists: m.lists,
    programs: m.programs,
    explanation: m.explanation,
    citations: m.citations,
    disposition: m.disposition,
    note: m.note,
    decidedBy: m.decided_by,
    decidedAt: iso(m.decided_at),
  };
}

function rowToAlert(row: AlertRow, matches: AlertMatchView[]): AlertView {
  return {
    id: row.id,
    status: row.status,
    source: row.source,
    screeningId: row.screening_id,
    batchId: row.batch_id,
    line: row.line,
    runId: row.run_id,
    reference: row.reference,
    query: row.query,
    matches,
    assignee: row.assignee,
    outcome: row.outcome,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    closedAt: iso(row.closed_at),
    links: { self: `/v1/alerts/${row.id}`, history: `/v1/alerts/${row.id}/history` },
  };
}

async function withMatches(db: Pool | PoolClient, rows: AlertRow[]): Promise<AlertView[]> {
  if (rows.length === 0) return [];
  const { rows: matches } = await db.query(sql.MATCHES_OF_ALERTS, [rows.map((r) => r.id)]);
  const byAlert = new Map<string, AlertMatchView[]>();
  for (const m of matches) {
    const list = byAlert.get(m.alert_id) ?? [];
    list.push(rowToMatch(m));
    byAlert.set(m.alert_id, list);
  }
  return rows.map((r) => rowToAlert(r, byAlert.get(r.id) ?? []));
}

/** The alert, or undefined when there is none in this workspace: another workspace's alert is not found. */
export async function getAlert(db: Pool | PoolClient, id: string, workspaceId: string): Promise<AlertView | undefined> {
  const row = (await db.query<AlertRow>(sql.ALERT_BY_ID, [id, workspaceId])).rows[0];
  return row && (await withMatches(db, [row]))[0];
}

/** One page of the workspace's alerts, and the cursor of the next page when there may be one. */
export async function listAlerts(
  pool: Pool,
  workspaceId: string,
  query: AlertListQuery,
): Promise<{ alerts: AlertView[]; next: AlertCursor | null }> {
  const f = query.filters;
  const c = query.cursor;
  const parameters = [
    workspaceId,
    f.status ?? null,
    f.source ?? null,
    f.batchId ?? null,
    f.reference ?? null,
    f.assignee ?? null,
    f.minScore ?? null,
    f.list ?? null,
    f.from ?? null,
    f.to ?? null,
    query.limit,
    c?.createdKey ?? null,
    c?.id ?? null,
  ];
  // Only the score sort reads the cursor's score ($14).
  if (query.sort === '-score') parameters.push(c?.scoreKey ?? null);
  const { rows } = await pool.query<AlertRow>(sql.ALERTS_PAGE[query.sort], parameters);
  const last = rows[rows.length - 1];
  const next =
    rows.length === query.limit && last
      ? {
          sort: query.sort,
          createdKey: last.created_key,
          id: last.id,
          ...(query.sort === '-score' && { scoreKey: last.score_key }),
        }
      : null;
  return { alerts: await withMatches(pool, rows), next };
}

/** The alert's history, oldest first, or undefined when the alert is not in this workspace. */
export async function alertHistory(pool: Pool, id: string, workspaceId: string): Promise<AlertEventView[] | undefined> {
  const alert = (await pool.query(sql.ALERT_BY_ID, [id, workspaceId])).rows[0];
  if (!alert) return undefined;
  const { rows } = await pool.query(sql.EVENTS_OF_ALERT, [id]);
  return rows.map((r) => ({
    at: new Date(r.at).toISOString(),
    actor: { keyId: r.actor_key_id, name: r.actor_name },
    action: r.action,
    details: r.details,
  }));
}
