import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { normalizeName } from '../matching';
import type { HistorySource } from './history-request';
import * as sql from './history-sql';

/** One screening result as the history keeps it. */
export interface HistoryEntry {
  id: string;
  workspaceId: string;
  source: HistorySource;
  reference: string | null;
  query: { name: string; type?: string | null; birthDate?: string | null; country?: string | null };
  decision: 'hit' | 'no_hit';
  topScore: number | null;
  matchCount: number;
  batchId?: string | null;
  line?: number | null;
  listVersion: string | null;
}

/** "ofac-sdn@3+seed@1": the list versions a result was matched against, as GET /v1/screenings/:id says them. */
export function listVersionLabel(versions: readonly { sourceId: string; version: number }[]): string | null {
  return versions.length > 0 ? versions.map((v) => `${v.sourceId}@${v.version}`).join('+') : null;
}

/**
 * A batch row's history id: the batch's hash, then the line, so the same (batch, line) always gives the same id (a
 * retried chunk adds nothing) and a chunk's rows, screened at one instant, list in line order.
 */
export function batchRowHistoryId(batchId: string, line: number): string {
  const h = createHash('md5').update(batchId).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${line.toString(16).padStart(12, '0')}`;
}

/**
 * Adds results to the screening history inside the caller's transaction (the one that records them), with the name
 * normalized as the matcher reads it, for `?name=`. A result already there is left as it is.
 */
export async function recordHistory(tx: PoolClient, entries: readonly HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.query(sql.INSERT_HISTORY, [
    entries.map((e) => e.id),
    entries.map((e) => e.workspaceId),
    entries.map((e) => e.source),
    entries.map((e) => e.reference),
    entries.map((e) => e.query.name),
    entries.map((e) => normalizeName(e.query.name)),
    entries.map((e) => e.query.type ?? null),
    entries.map((e) => e.query.birthDate ?? null),
    entries.map((e) => e.query.country ?? null),
    entries.map((e) => e.decision),
    entries.map((e) => e.topScore),
    entries.map((e) => e.matchCount),
    entries.map((e) => e.batchId ?? null),
    entries.map((e) => e.line ?? null),
    entries.map((e) => e.listVersion),
  ]);
}

interface ChunkRow {
  line: number;
  row: {
    reference: string | null;
    name: string;
    type: string | null;
    birth_date: string | null;
    country: string | null;
  };
  matches: readonly { score: number }[];
}

/** The rows a batch chunk's transaction wrote (`written`: the lines its insert returned), with their kept matches. */
export async function recordBatchHistory(
  tx: PoolClient,
  batch: { id: string; workspaceId: string; listVersion: string | null },
  screened: readonly ChunkRow[],
  written: readonly { line: number }[],
): Promise<void> {
  const lines = new Set(written.map((w) => w.line));
  await recordHistory(
    tx,
    screened
      .filter((s) => lines.has(s.line))
      .map((s) => ({
        id: batchRowHistoryId(batch.id, s.line),
        workspaceId: batch.workspaceId,
        source: 'batch' as const,
        reference: s.row.reference,
        query: { name: s.row.name, type: s.row.type, birthDate: s.row.birth_date, country: s.row.country },
        decision: s.matches.length > 0 ? ('hit' as const) : ('no_hit' as const),
        topScore: s.matches[0]?.score ?? null,
        matchCount: s.matches.length,
        batchId: batch.id,
        line: s.line,
        listVersion: batch.listVersion,
      })),
  );
}

/** A monitoring run's results are the alerts it made: each joins its customer's history (under the alert's id). */
export async function recordMonitoringHistory(
  tx: PoolClient,
  alertIds: readonly string[],
  listVersion: string | null,
): Promise<void> {
  if (alertIds.length === 0) return;
  const { rows } = await tx.query<{
    id: string;
    workspace_id: string;
    reference: string | null;
    query: HistoryEntry['query'];
    best_score: number;
    match_count: number;
  }>(sql.MONITORING_ALERTS, [alertIds]);
  await recordHistory(
    tx,
    rows.map((r) => ({
      id: r.id,
      workspaceId: r.workspace_id,
      source: 'monitoring' as const,
      reference: r.reference,
      query: r.query,
      decision: 'hit' as const,
      topScore: r.best_score,
      matchCount: r.match_count,
      listVersion,
    })),
  );
}
