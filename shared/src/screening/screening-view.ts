import type { Citation, EntityType, NameKind } from '../lists';
import type { NearMiss } from '../matching';
import type { SuppressedMatch } from '../suppressions';

export type ScreeningStatus = 'queued' | 'done' | 'failed';
export type Decision = 'hit' | 'no_hit';

export interface ScreeningMatchView {
  /** The designation's primary record: the best-scoring one. */
  entityId: string;
  /** Every record of the designation (the same OFAC id on two lists, a seed entry and the record it restates). */
  entityIds: string[];
  name: string;
  type: EntityType;
  matchedName: string;
  matchedNameKind: NameKind;
  score: number;
  programs: string[];
  lists: string[];
  explanation: string[];
  citations: Citation[];
}

export interface ScreeningView {
  id: string;
  status: ScreeningStatus;
  decision: Decision | null;
  query: { name: string; type?: EntityType; birthDate?: string; country?: string };
  reference: string | null;
  /** e.g. "ofac-sdn@3+seed@1": the list versions this screening was matched against. */
  listVersion: string | null;
  listVersions: { source: string; version: number }[];
  threshold: number | null;
  matches: ScreeningMatchView[];
  /** Best candidates that scored from the near-miss floor up to the threshold, with why each fell short; never hits. */
  nearMisses: NearMiss[];
  /** Matches left out because the customer's officer cleared them before (see suppressions). */
  suppressedMatches: SuppressedMatch[];
  error: string | null;
  createdAt: string;
  screenedAt: string | null;
}

/**
 * A screenings row with its matches (`matches`: the json_agg of its screening_matches rows, in rank order) as the API
 * shows it. The API's read and the worker's answer (the row its group write returned) both go through here, so an
 * answer given from the worker's announcement is the same as GET /v1/screenings/:id gives.
 */
export function screeningViewOf(row: Record<string, any>): ScreeningView {
  const matches: Record<string, any>[] = row.matches ?? [];
  const versions: { sourceId: string; version: number }[] = row.list_versions ?? [];
  return {
    id: row.id,
    status: row.status,
    decision: row.decision,
    query: {
      name: row.name,
      ...(row.entity_type && { type: row.entity_type }),
      ...(row.birth_date && { birthDate: row.birth_date }),
      ...(row.country && { country: row.country }),
    },
    reference: row.reference,
    listVersion: row.list_versions ? versions.map((v) => `${v.sourceId}@${v.version}`).join('+') : null,
    listVersions: versions.map((v) => ({ source: v.sourceId, version: v.version })),
    threshold: row.threshold,
    matches: matches.map((m) => ({
      entityId: m.entity_id,
      entityIds: m.entity_ids,
      name: m.entity_name,
      type: m.entity_type,
      matchedName: m.matched_name,
      matchedNameKind: m.matched_name_kind,
      score: Math.round(m.score * 1000) / 1000,
      programs: m.programs,
      lists: m.lists,
      explanation: m.explanation,
      citations: m.citations,
    })),
    nearMisses: row.status === 'done' ? (row.near_misses ?? []) : [],
    suppressedMatches: row.suppressed_matches ?? [],
    error: row.error,
    createdAt: new Date(row.created_at).toISOString(),
    screenedAt: row.screened_at ? new Date(row.screened_at).toISOString() : null,
  };
}
