import type { Pool } from 'pg';
import type { HistoryCursor, HistoryFilters, HistorySource, ScreeningHistoryQuery } from './history-request';
import * as sql from './history-sql';

export interface HistoryView {
  id: string;
  source: HistorySource;
  reference: string | null;
  query: { name: string; type?: string; birthDate?: string; country?: string };
  decision: 'hit' | 'no_hit';
  topScore: number | null;
  matchCount: number;
  batchId: string | null;
  line: number | null;
  listVersion: string | null;
  screenedAt: string;
  /** The alert this result opened, when it opened one (a re-screened batch row with the same result has none). */
  alertId: string | null;
  links: { alert: string | null; report: string | null; screening: string | null };
}

interface HistoryRow {
  id: string;
  source: HistorySource;
  reference: string | null;
  name: string;
  entity_type: string | null;
  birth_date: string | null;
  country: string | null;
  decision: 'hit' | 'no_hit';
  top_score: number | null;
  match_count: number;
  batch_id: string | null;
  line: number | null;
  list_version: string | null;
  screened_at: Date;
  screened_key: string;
}

/** LIKE's own characters in a needle stand for themselves. */
const likeContains = (needle: string) => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The WHERE clause for the filters given, and only those, so the planner sees each predicate and picks its index:
 * (workspace, reference, …) for a customer, the hits index for decision=hit, trigrams for a name, and the newest index
 * otherwise, each walked in (screened_at, id) order from the cursor.
 */
function whereClause(
  workspaceId: string,
  filters: HistoryFilters,
  cursor: HistoryCursor | undefined,
): { where: string; params: unknown[] } {
  const params: unknown[] = [workspaceId];
  const conditions = ['h.workspace_id = $1'];
  const add = (condition: (p: string) => string, value: unknown) => {
    params.push(value);
    conditions.push(condition(`$${params.length}`));
  };
  if (filters.reference !== undefined) add((p) => `h.reference = ${p}`, filters.reference);
  if (filters.nameKey !== undefined) add((p) => `h.name_key LIKE ${p}`, likeContains(filters.nameKey));
  if (filters.decision !== undefined) add((p) => `h.decision = ${p}`, filters.decision);
  if (filters.source !== undefined) add((p) => `h.source = ${p}`, filters.source);
  if (filters.batchId !== undefined) add((p) => `h.batch_id = ${p}::uuid`, filters.batchId);
  if (filters.from !== undefined) add((p) => `h.screened_at >= ${p}::timestamptz`, filters.from);
  if (filters.to !== undefined) add((p) => `h.screened_at < ${p}::timestamptz`, filters.to);
  if (cursor) {
    params.push(cursor.screenedAt, cursor.id);
    conditions.push(`(h.screened_at, h.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  return { where: conditions.join(' AND '), params };
}

/** The page's statement and its parameters (the benchmark runs the same ones). */
export function historyPageStatement(
  workspaceId: string,
  query: ScreeningHistoryQuery,
): { text: string; values: unknown[] } {
  const { where, params } = whereClause(workspaceId, query.filters, query.cursor);
  params.push(query.limit + 1);
  return {
    text: `SELECT ${sql.HISTORY_COLUMNS} FROM screening_history h WHERE ${where} ORDER BY h.screened_at DESC, h.id DESC LIMIT $${params.length}`,
    values: params,
  };
}

/**
 * A page of the workspace's screening history, newest first: single screenings, batch rows and monitoring results
 * alike, each with its alert when it opened one. `next` is where the following page starts, if there is one.
 */
export async function listScreeningHistory(
  pool: Pool,
  workspaceId: string,
  query: ScreeningHistoryQuery,
): Promise<{ screenings: HistoryView[]; next?: HistoryCursor }> {
  const { rows } = await pool.query<HistoryRow>(historyPageStatement(workspaceId, query));
  const page = rows.slice(0, query.limit);
  const alerts = await alertsOf(pool, workspaceId, page);
  const last = page[page.length - 1];
  return {
    screenings: page.map((r) => rowToHistory(r, alerts)),
    ...(rows.length > query.limit && last && { next: { screenedAt: last.screened_key, id: last.id } }),
  };
}

const batchKey = (batchId: string, line: number) => `${batchId}:${line}`;

async function alertsOf(pool: Pool, workspaceId: string, rows: readonly HistoryRow[]): Promise<Map<string, string>> {
  const screenings = rows.filter((r) => r.source === 'screening' && r.decision === 'hit').map((r) => r.id);
  const batchRows = rows.filter((r) => r.source === 'batch' && r.decision === 'hit');
  const byResult = new Map<string, string>();
  if (screenings.length === 0 && batchRows.length === 0) return byResult;
  const { rows: found } = await pool.query<{
    id: string;
    screening_id: string | null;
    batch_id: string | null;
    line: number | null;
  }>(sql.ALERTS_OF_RESULTS, [workspaceId, screenings, batchRows.map((r) => r.batch_id), batchRows.map((r) => r.line)]);
  for (const a of found) {
    if (a.screening_id) byResult.set(a.screening_id, a.id);
    else if (a.batch_id && a.line !== null) byResult.set(batchKey(a.batch_id, a.line), a.id);
  }
  return byResult;
}

function rowToHistory(r: HistoryRow, alerts: Map<string, string>): HistoryView {
  const alertId =
    r.source === 'monitoring'
      ? r.id
      : r.source === 'screening'
        ? (alerts.get(r.id) ?? null)
        : r.batch_id && r.line !== null
          ? (alerts.get(batchKey(r.batch_id, r.line)) ?? null)
          : null;
  return {
    id: r.id,
    source: r.source,
    reference: r.reference,
    query: {
      name: r.name,
      ...(r.entity_type && { type: r.entity_type }),
      ...(r.birth_date && { birthDate: r.birth_date }),
      ...(r.country && { country: r.country }),
    },
    decision: r.decision,
    topScore: r.top_score === null ? null : Math.round(r.top_score * 1000) / 1000,
    matchCount: r.match_count,
    batchId: r.batch_id,
    line: r.line,
    listVersion: r.list_version,
    screenedAt: new Date(r.screened_at).toISOString(),
    alertId,
    links: {
      alert: alertId ? `/v1/alerts/${alertId}` : null,
      // A single screening has its own report; a batch row or monitoring result has its alert's.
      report:
        r.source === 'screening' ? `/v1/screenings/${r.id}/report` : alertId ? `/v1/alerts/${alertId}/report` : null,
      screening: r.source === 'screening' ? `/v1/screenings/${r.id}` : null,
    },
  };
}
