import type { Pool } from 'pg';
import { getScreening } from '../screening';
import type { EvidenceReport } from './report-model';
import * as sql from './report-sql';

export type ListVersionRef = { source: string; version: number };

/** The list versions with their names and publication dates, in the order given. */
export async function describeListVersions(
  pool: Pool,
  versions: ListVersionRef[],
): Promise<EvidenceReport['screening']['listVersions']> {
  if (versions.length === 0) return [];
  const { rows } = await pool.query(sql.LIST_VERSION_DETAILS, [
    versions.map((v) => v.source),
    versions.map((v) => v.version),
  ]);
  return versions.map((v) => {
    const row = rows.find((r) => r.source_id === v.source && r.version === v.version);
    return { ...v, name: row?.name, publishedAt: row?.published_at ? new Date(row.published_at).toISOString() : null };
  });
}

/**
 * The evidence of one single screening of the workspace, or undefined when it has none by that id.
 * Decisions and approval come from the screening's alert, when `alertEvidence` finds one.
 */
export async function screeningReport(
  pool: Pool,
  id: string,
  workspaceId: string,
  alertEvidence?: (
    pool: Pool,
    screeningId: string,
    workspaceId: string,
  ) => Promise<Pick<EvidenceReport, 'decisions' | 'approval'> | undefined>,
): Promise<EvidenceReport | undefined> {
  const view = await getScreening(pool, id, workspaceId);
  if (!view) return undefined;
  const origin = (await pool.query(sql.SCREENING_ORIGIN, [id, workspaceId])).rows[0];
  const evidence = alertEvidence ? await alertEvidence(pool, id, workspaceId) : undefined;
  return {
    kind: 'screening',
    id,
    workspace: workspaceId,
    generatedAt: new Date().toISOString(),
    customer: { ...view.query, reference: view.reference },
    screening: {
      source: 'single',
      origin: null,
      requestedBy: origin?.key_name ?? null,
      requestedAt: view.createdAt,
      screenedAt: view.screenedAt,
      decision: view.decision,
      threshold: view.threshold,
      listVersions: await describeListVersions(pool, view.listVersions),
    },
    matches: view.matches,
    suppressedMatches: view.suppressedMatches,
    decisions: evidence?.decisions ?? [],
    approval: evidence?.approval ?? null,
    history: [],
  };
}
