import { createHash, randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import type { Logger } from '../logging';
import type { MatchOptions } from '../matching';
import { AppError } from '../errors';
import { addWhileReachable, SCREENING_JOB_OPTIONS } from '../queues';
import type { LoadedIndex } from './match-index-cache';
import { matchScreening, recordScreenings, type RecordedScreening } from './screening-record';
import type { ScreeningJob, ScreeningQueueData, ScreeningRequest } from './screening-request';
import { ScreeningIntake } from './screening-intake';
import { screeningJob } from './screening-job';
import * as sql from './screening-sql';
import { screeningViewOf, type ScreeningStatus, type ScreeningView } from './screening-view';

export type { Decision } from './screening-record';
export type { ScreeningMatchView, ScreeningStatus, ScreeningView } from './screening-view';

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

/** One intake per queue (per API process): the requests of all its callers are grouped together. */
const intakes = new WeakMap<Queue<ScreeningQueueData>, ScreeningIntake>();
function intakeOf(deps: { pool: Pool; queue: Queue<ScreeningQueueData>; logger: Logger }): ScreeningIntake {
  let intake = intakes.get(deps.queue);
  if (!intake) intakes.set(deps.queue, (intake = new ScreeningIntake(deps.pool, deps.queue, deps.logger)));
  return intake;
}

/**
 * Records the request, then queues it; without an Idempotency-Key, together with the requests arriving at the same
 * moment (ScreeningIntake: one INSERT and one addBulk for them all). The row is committed first: if Redis is down the request
 * is still accepted at once (the add waits a moment at most), and the worker's reconciler queues
 * it once Redis is back. The same `idempotencyKey` from the same API key with the same request
 * returns the screening made the first time; with another request it is refused (409).
 */
export async function submitScreening(
  deps: { pool: Pool; queue: Queue<ScreeningQueueData>; logger: Logger },
  request: ScreeningRequest,
  apiKeyId: string | null,
  idempotencyKey: string | null = null,
  /** The API request's id (X-Request-Id), carried in the job for the worker's log lines. */
  requestId: string | null = null,
): Promise<SubmittedScreening> {
  const id = randomUUID();
  if (!idempotencyKey) {
    const queued = await intakeOf(deps).submit({ id, apiKeyId, request, requestId });
    return { id, status: 'queued', created: true, queued };
  }
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
    const existing = (
      await deps.pool.query<{ id: string; status: ScreeningStatus; request_hash: string }>(
        sql.SCREENING_BY_IDEMPOTENCY_KEY,
        [apiKeyId, idempotencyKey],
      )
    ).rows[0];
    if (!existing) throw new Error(`screening with idempotency key ${idempotencyKey} neither inserted nor found`);
    if (existing.request_hash !== hash) {
      throw new AppError(
        'conflict',
        'This Idempotency-Key was used for another request; use a new key for a new screening',
        {
          fields: [{ field: 'Idempotency-Key', message: 'was used before with a different request body' }],
        },
      );
    }
    return { id: existing.id, status: existing.status, created: false, queued: true };
  }
  const job = screeningJob(id, query, requestId);
  try {
    await addWhileReachable(deps.queue, () =>
      deps.queue.add(job.name, job.data, { ...SCREENING_JOB_OPTIONS, ...job.opts }),
    );
    return { id, status: 'queued', created: true, queued: true };
  } catch (error) {
    deps.logger.warn('screening accepted but not queued yet; the reconciler will queue it', {
      screeningId: id,
      ...(requestId && { reqId: requestId }),
      error,
    });
    return { id, status: 'queued', created: true, queued: false };
  }
}

/** The screening, or undefined when there is none in this workspace: another workspace's screening is not found. */
export async function getScreening(pool: Pool, id: string, workspaceId: string): Promise<ScreeningView | undefined> {
  const row = (await pool.query(sql.SCREENING_BY_ID, [id, workspaceId])).rows[0];
  return row ? screeningViewOf(row) : undefined;
}

export async function screeningStatus(pool: Pool, id: string): Promise<ScreeningStatus | undefined> {
  return (await pool.query<{ status: ScreeningStatus }>(sql.SCREENING_STATUS, [id])).rows[0]?.status;
}

/**
 * Matches a queued screening against the loaded index and records the outcome, exactly once. Returns
 * `already-recorded` when a previous attempt got there first. A worker records many at once (ScreeningWriter).
 */
export async function performScreening(
  pool: Pool,
  loaded: LoadedIndex,
  job: ScreeningJob,
  options: MatchOptions,
): Promise<RecordedScreening> {
  return (await recordScreenings(pool, [matchScreening(loaded, job, options)]))[0]!;
}

export async function markScreeningFailed(pool: Pool, id: string, reason: string): Promise<void> {
  await pool.query(sql.MARK_FAILED, [id, reason]);
}

/** Screenings still queued after the grace period: their job was lost (Redis restarted or flushed) or never added. */
export async function staleQueuedScreenings(
  pool: Pool,
  graceMs: number,
  limit = 1000,
): Promise<{ id: string; jobId: string | null; query: ScreeningJob['query'] }[]> {
  const { rows } = await pool.query(sql.STALE_QUEUED, [graceMs, limit]);
  return rows.map((r) => ({
    id: r.id,
    jobId: r.job_id,
    query: {
      name: r.name,
      ...(r.entity_type && { type: r.entity_type }),
      ...(r.birth_date && { birthDate: r.birth_date }),
      ...(r.country && { country: r.country }),
    },
  }));
}
