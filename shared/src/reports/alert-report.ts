import type { Pool } from 'pg';
import { alertHistory, getAlert, type AlertEventView } from '../alerts';
import { getScreening } from '../screening';
import type { EvidenceReport, ReportApproval, ReportDecision, ReportEvent } from './report-model';
import * as sql from './report-sql';
import { describeListVersions } from './screening-report';

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/** What one event of an alert's history says, in words. */
function describeEvent(e: AlertEventView): string {
  const d = e.details;
  switch (e.action) {
    case 'created':
      return `from ${str(d.source) ?? 'a screening'}${typeof d.matches === 'number' ? `, ${d.matches} match(es)` : ''}`;
    case 'assigned': {
      const assignee = d.assignee as { name?: string } | null | undefined;
      return assignee?.name ? `to ${assignee.name}` : 'unassigned';
    }
    case 'decided':
      return `${str(d.entityId) ?? ''}: ${str(d.disposition) ?? ''}${str(d.note) ? ` — ${str(d.note)}` : ''}`;
    case 'submitted':
    case 'closed':
      return str(d.outcome) ? `outcome ${str(d.outcome)}` : '';
    case 'approved':
    case 'rejected':
      return str(d.note) ?? '';
    default:
      return Object.entries(d)
        .map(([k, v]) => `${k} ${typeof v === 'string' ? v : JSON.stringify(v)}`)
        .join(', ');
  }
}

/** The decisions and the approval, read from the history (which keeps every decision, also those replaced later). */
export function reviewEvidence(events: readonly AlertEventView[]): {
  decisions: ReportDecision[];
  approval: ReportApproval | null;
  history: ReportEvent[];
} {
  const decisions = events
    .filter((e) => e.action === 'decided')
    .map((e) => ({
      entityId: str(e.details.entityId) ?? '',
      outcome: str(e.details.disposition) ?? '',
      by: e.actor.name,
      at: e.at,
      note: str(e.details.note),
    }));
  const approved = events.filter((e) => e.action === 'approved').at(-1);
  const approval = approved
    ? { status: 'approved', by: approved.actor.name, at: approved.at, note: str(approved.details.note) }
    : null;
  const history = events.map((e) => ({ at: e.at, type: e.action, by: e.actor.name, text: describeEvent(e) }));
  return { decisions, approval, history };
}

/** For a screening's report: the decisions and approval of its alert, when it has one. */
export async function screeningAlertEvidence(
  pool: Pool,
  screeningId: string,
  workspaceId: string,
): Promise<Pick<EvidenceReport, 'decisions' | 'approval'> | undefined> {
  const alert = (await pool.query<{ id: string }>(sql.ALERT_OF_SCREENING, [screeningId, workspaceId])).rows[0];
  const events = alert && (await alertHistory(pool, alert.id, workspaceId));
  return events ? reviewEvidence(events) : undefined;
}

/** The evidence of one alert of the workspace with its full history, or undefined when it has none by that id. */
export async function alertReport(pool: Pool, id: string, workspaceId: string): Promise<EvidenceReport | undefined> {
  const alert = await getAlert(pool, id, workspaceId);
  const events = alert && (await alertHistory(pool, id, workspaceId));
  if (!alert || !events) return undefined;
  const keyIds = [alert.assignee].filter((k): k is string => Boolean(k));
  const names = new Map(
    (await pool.query<{ id: string; name: string }>(sql.KEY_NAMES, [keyIds])).rows.map((r) => [r.id, r.name]),
  );

  let screening: EvidenceReport['screening'];
  const screened = alert.screeningId ? await getScreening(pool, alert.screeningId, workspaceId) : undefined;
  if (screened) {
    const origin = (await pool.query(sql.SCREENING_ORIGIN, [screened.id, workspaceId])).rows[0];
    screening = {
      source: 'single',
      origin: `screening ${screened.id}`,
      requestedBy: origin?.key_name ?? null,
      requestedAt: screened.createdAt,
      screenedAt: screened.screenedAt,
      decision: screened.decision,
      threshold: screened.threshold,
      listVersions: await describeListVersions(pool, screened.listVersions),
    };
  } else {
    const batch = alert.batchId ? (await pool.query(sql.BATCH_ORIGIN, [alert.batchId, alert.line])).rows[0] : undefined;
    const active = (
      await pool.query<{ source_id: string; version: number }>(sql.LIST_VERSIONS_ACTIVE_AT, [alert.createdAt])
    ).rows;
    screening = {
      source: alert.source,
      origin: alert.batchId
        ? `batch ${alert.batchId}${batch?.filename ? ` (${batch.filename})` : ''}, line ${alert.line}`
        : alert.runId
          ? `monitoring run ${alert.runId}`
          : null,
      requestedBy: batch?.key_name ?? null,
      requestedAt: batch?.created_at ? new Date(batch.created_at).toISOString() : null,
      screenedAt: alert.createdAt,
      decision: 'hit',
      threshold: null,
      listVersions: await describeListVersions(
        pool,
        active.map((v) => ({ source: v.source_id, version: v.version })),
      ),
    };
  }

  return {
    kind: 'alert',
    id,
    workspace: workspaceId,
    generatedAt: new Date().toISOString(),
    customer: { ...alert.query, reference: alert.reference },
    screening,
    status: alert.status,
    outcome: alert.outcome,
    assignee: alert.assignee ? (names.get(alert.assignee) ?? alert.assignee) : null,
    matches: alert.matches,
    suppressedMatches: screened?.suppressedMatches ?? [],
    ...reviewEvidence(events),
  };
}
