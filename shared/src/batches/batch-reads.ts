import type { Pool } from 'pg';
import type { NearMiss } from '../matching';
import type { SuppressedMatch } from '../suppressions';
import type { BatchRowError } from './batch-row';
import * as sql from './batch-sql';
import { rowToBatch, type BatchRecord, type BatchView } from './batch-view';

export interface BatchResultMatch {
  entityId: string;
  entityIds: string[];
  matchedName: string;
  matchedNameKind: string;
  score: number;
  explanation: string[];
}

export interface BatchResultRow {
  line: number;
  reference: string | null;
  name: string;
  decision: 'hit' | 'no_hit';
  score: number | null;
  entityId: string | null;
  entityName: string | null;
  matchedName: string | null;
  lists: string[];
  programs: string[];
  citationUrls: string[];
  /** What of the row was set aside so it could be screened, if anything. */
  warning: string | null;
  matches: BatchResultMatch[];
  /** Best candidates that scored from the near-miss floor up to the threshold, with why each fell short; never hits. */
  nearMisses: NearMiss[];
  /** Matches left out because the customer's officer cleared them before. */
  suppressedMatches: SuppressedMatch[];
  /** The customer's own birth date and country, as the file gave them. */
  birthDate: string | null;
  country: string | null;
}

/** A row of RESULTS_PAGE: a batch_results row joined to its batch_rows row. */
interface ResultRecord {
  line: number;
  reference: string | null;
  name: string;
  warning: string | null;
  decision: 'hit' | 'no_hit';
  score: number | null;
  entity_id: string | null;
  entity_name: string | null;
  matched_name: string | null;
  lists: string[];
  programs: string[];
  citation_urls: string[];
  matches: BatchResultMatch[];
  near_misses: NearMiss[] | null;
  suppressed_matches: SuppressedMatch[] | null;
  birth_date: string | null;
  country: string | null;
}

function rowToResult(r: ResultRecord): BatchResultRow {
  return {
    line: r.line,
    reference: r.reference,
    name: r.name,
    decision: r.decision,
    score: r.score === null ? null : Math.round(r.score * 1000) / 1000,
    entityId: r.entity_id,
    entityName: r.entity_name,
    matchedName: r.matched_name,
    lists: r.lists,
    programs: r.programs,
    citationUrls: r.citation_urls,
    warning: r.warning,
    matches: r.matches,
    nearMisses: r.near_misses ?? [],
    suppressedMatches: r.suppressed_matches ?? [],
    birthDate: r.birth_date ?? null,
    country: r.country ?? null,
  };
}

/** A batch this module already holds the id of (it made it, or a caller found it in its workspace). */
export async function batchById(pool: Pool, id: string): Promise<BatchView | undefined> {
  const row = (await pool.query<BatchRecord>(sql.BATCH_BY_ID_UNSCOPED, [id])).rows[0];
  return row && rowToBatch(row);
}

/** The batch, or undefined when there is none in this workspace. */
export async function getBatch(pool: Pool, id: string, workspaceId: string): Promise<BatchView | undefined> {
  const row = (await pool.query<BatchRecord>(sql.BATCH_BY_ID, [id, workspaceId])).rows[0];
  return row && rowToBatch(row);
}

/** The batch bound to this Idempotency-Key of this API key, if any. */
export async function batchByIdempotencyKey(
  pool: Pool,
  apiKeyId: string | null,
  idempotencyKey: string | null,
): Promise<BatchView | undefined> {
  const row = (await pool.query<BatchRecord>(sql.BATCH_BY_IDEMPOTENCY_KEY, [apiKeyId, idempotencyKey])).rows[0];
  return row && rowToBatch(row);
}

/** The workspace's batches, newest first, after the batch `before`. */
export async function listBatches(
  pool: Pool,
  options: { workspaceId: string; before?: string; limit: number },
): Promise<BatchView[]> {
  const { rows } = await pool.query<BatchRecord>(sql.BATCHES_PAGE, [
    options.workspaceId,
    options.before ?? null,
    options.limit,
  ]);
  return rows.map(rowToBatch);
}

/** One page of results in line order; `after` is the last line of the previous page. */
export async function batchResults(
  pool: Pool,
  id: string,
  options: { decision?: 'hit' | 'no_hit'; after?: number; limit: number },
): Promise<BatchResultRow[]> {
  const { rows } = await pool.query<ResultRecord>(sql.RESULTS_PAGE, [
    id,
    options.after ?? 0,
    options.decision ?? null,
    options.limit,
  ]);
  return rows.map(rowToResult);
}

/** One page of the rows refused at upload, in line order. */
export async function batchErrors(
  pool: Pool,
  id: string,
  options: { after?: number; limit: number },
): Promise<BatchRowError[]> {
  const { rows } = await pool.query<BatchRowError>(sql.ERRORS_PAGE, [id, options.after ?? 0, options.limit]);
  return rows.map((r) => ({ line: r.line, field: r.field, reason: r.reason }));
}
