import { createHash, randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import { insertAlert } from '../alerts';
import { withTransaction } from '../db';
import { mergeByDesignation, type DesignationMatch } from '../designations';
import type { Logger } from '../logging';
import type { Citation, EntityType, NameKind } from '../lists';
import { screenWithNearMisses, type MatchOptions, type NearMiss } from '../matching';
import { AppError } from '../errors';
import { listVersionLabel, recordHistory } from '../history';
import { addWhileReachable, SCREENING_JOB_OPTIONS } from '../queues';
import { applySuppressionsToScreening, type SuppressedMatch } from '../suppressions';
import { recordEvent } from '../webhooks';
import type { LoadedIndex } from './match-index-cache';
import type { ScreeningJob, ScreeningRequest } from './screening-request';
import * as sql from './screening-sql';

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

export function screeningJobId(screeningId: string): string {
  return `screening-${screeningId}`;
}

export function screeningJob(screeningId: string, query: ScreeningJob['query']): { name: string; data: ScreeningJob; opts: { jobId: string } } {
  return { name: 'screen', data: { screeningId, query }, opts: { jobId: screeningJobId(screeningId) } };
}

/** The same request, however its fields were ordered: what an Idempotency-Key retry must repeat. */
function requestHash(request: ScreeningRequest): string {
  const canonical = Object.fromEntries(Object.entries(request).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

export interface SubmittedScreening {
  id: string;
  status: ScreeningStatus;
  /** False for a retry under an Idempotency-Key: the screening made the first time. */
  created: boolean;
  /** False when Redis did not take the job within a moment: the reconciler queues it later. */
  queued: boolean;
}

/**
 * Records the request, then queues it. The row is committed first: if Redis is down the request
 * is still accepted at once (the add waits a moment at most), and the worker's reconciler queues
 * it once Redis is back. The same `idempotencyKey` from the same API key with the same request
 * returns the screening made the first time; with another request it is refused (409).
 */
export async function submitScreening(
  deps: { pool: Pool; queue: Queue<ScreeningJob>; logger: Logger },
  request: ScreeningRequest,
  apiKeyId: string | null,
  idempotencyKey: string | null = null,
): Promise<SubmittedScreening> {
  const id = randomUUID();
  const { reference, ...query } = request;
  const hash = requestHash(request);
  const inserted = await deps.pool.query(sql.INSERT_SCREENING, [
    id,
    apiKeyId,
    query.name,
    query.type ?? null,
    query.birthDate ?? null,
    query.country ?? null,
    reference ?? null,
    idempotencyKey,
    idempotencyKey ? hash : null,
  ]);
  if (inserted.rowCount === 0) {
    const existing = (await deps.pool.query<{ id: string; status: ScreeningStatus; request_hash: string }>(sql.SCREENING_BY_IDEMPOTENCY_KEY, [apiKeyId, idempotencyKey])).rows[0];
    if (!existing) throw new Error(`screening with idempotency key ${idempotencyKey} neither inserted nor found`);
    if (existing.request_hash !== hash) {
      throw new AppError('conflict', 'This Idempotency-Key was used for another request; use a new key for a new screening', {
        fields: [{ field: 'Idempotency-Key', message: 'was used before with a different request body' }],
      });
    }
    return { id: existing.id, status: existing.status, created: false, queued: true };
  }
  const job = screeningJob(id, query);
  try {
    await addWhileReachable(deps.queue, () => deps.queue.add(job.name, job.data, { ...SCREENING_JOB_OPTIONS, ...job.opts }));
    return { id, status: 'queued', created: true, queued: true };
  } catch (error) {
    deps.logger.warn('screening accepted but not queued yet; the reconciler will queue it', { screeningId: id, error });
    return { id, status: 'queued', created: true, queued: false };
  }
}

/** The screening, or undefined when there is none in this workspace: another workspace's screening is not found. */
export async function getScreening(pool: Pool, id: string, workspaceId: string): Promise<ScreeningView | undefined> {
  const row = (await pool.query(sql.SCREENING_BY_ID, [id, workspaceId])).rows[0];
  if (!row) return undefined;
  const matches = row.status === 'done' ? (await pool.query(sql.MATCHES_OF_SCREENING, [id])).rows : [];
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

export async function screeningStatus(pool: Pool, id: string): Promise<ScreeningStatus | undefined> {
  return (await pool.query<{ status: ScreeningStatus }>(sql.SCREENING_STATUS, [id])).rows[0]?.status;
}

/**
 * Matches a queued screening against the loaded index and records the outcome in one
 * transaction. Returns `already-recorded` when a previous attempt got there first.
 */
export async function performScreening(
  pool: Pool,
  loaded: LoadedIndex,
  job: ScreeningJob,
  options: MatchOptions,
): Promise<{ outcome: 'recorded' | 'already-recorded'; decision: Decision; matches: DesignationMatch[]; alertId?: string }> {
  const { matches: recordMatches, nearMisses } = screenWithNearMisses(loaded.index, job.query, options);
  const found = mergeByDesignation(recordMatches, loaded.designations);
  let matches = found;
  let decision: Decision = found.length > 0 ? 'hit' : 'no_hit';
  const outcome: { outcome: 'recorded' | 'already-recorded'; alertId?: string } = await withTransaction(pool, async (tx) => {
    // Matches the customer's officer cleared before stay out, before hit or no_hit is decided (a retry reads the same).
    const { kept, suppressed } = await applySuppressionsToScreening(tx, job.screeningId, job.query, found);
    matches = kept;
    decision = kept.length > 0 ? 'hit' : 'no_hit';
    const updated = await tx.query(sql.MARK_DONE, [
      job.screeningId,
      decision,
      matches[0]?.score ?? null,
      options.threshold,
      JSON.stringify(loaded.versions.map((v) => ({ sourceId: v.sourceId, version: v.version, versionId: v.versionId }))),
      JSON.stringify(nearMisses),
    ]);
    const screening = updated.rows[0] as { workspace_id: string; api_key_id: string | null; reference: string | null } | undefined;
    if (!screening) return { outcome: 'already-recorded' as const };
    await recordHistory(tx, [
      {
        id: job.screeningId,
        workspaceId: screening.workspace_id,
        source: 'screening',
        reference: screening.reference,
        query: job.query,
        decision,
        topScore: matches[0]?.score ?? null,
        matchCount: matches.length,
        listVersion: listVersionLabel(loaded.versions),
      },
    ]);
    if (suppressed.length > 0) await tx.query(sql.SET_SUPPRESSED_MATCHES, [job.screeningId, JSON.stringify(suppressed)]);
    let alertId: string | undefined;
    if (matches.length > 0) {
      await tx.query(sql.NO_JIT);
      await tx.query(sql.INSERT_MATCHES, [
        job.screeningId,
        matches.map((_, i) => i + 1),
        matches.map((m) => m.entityId),
        matches.map((m) => m.matchedName),
        matches.map((m) => m.matchedNameKind),
        matches.map((m) => m.score),
        matches.map((m) => JSON.stringify(m.explanation)),
        matches.map((m) => JSON.stringify(m.entityIds)),
      ]);
      // The hit's alert commits with the result: a redelivered job records nothing, so it alerts on nothing.
      alertId = await insertAlert(tx, {
        workspaceId: screening.workspace_id,
        source: 'screening',
        screeningId: job.screeningId,
        reference: screening.reference,
        query: job.query,
        matches,
        actorKeyId: screening.api_key_id,
      });
    }
    // The outbox event commits with the result, and only the attempt that recorded the result writes it.
    await recordEvent(tx, { type: 'screening', screeningId: job.screeningId });
    return { outcome: 'recorded' as const, ...(alertId && { alertId }) };
  });
  return { ...outcome, decision, matches };
}

export async function markScreeningFailed(pool: Pool, id: string, reason: string): Promise<void> {
  await pool.query(sql.MARK_FAILED, [id, reason]);
}

/** Screenings still queued after the grace period: their job was lost (Redis restarted or flushed) or never added. */
export async function staleQueuedScreenings(pool: Pool, graceMs: number, limit = 1000): Promise<{ id: string; query: ScreeningJob['query'] }[]> {
  const { rows } = await pool.query(sql.STALE_QUEUED, [graceMs, limit]);
  return rows.map((r) => ({
    id: r.id,
    query: {
      name: r.name,
      ...(r.entity_type && { type: r.entity_type }),
      ...(r.birth_date && { birthDate: r.birth_date }),
      ...(r.country && { country: r.country }),
    },
  }));
}
