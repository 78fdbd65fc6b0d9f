import { createHash, randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import type { Logger } from '../logging';
import type { MatchOptions } from '../matching';
import { AppError } from '../errors';
import { addWhileReachable, SCREENING_JOB_OPTIONS } from '../queues';
import type { LoadedIndex } from './match-index-cache';
import { matchScreening, recordScreenings, type RecordedScreening } from './screening-record';
import type { ScreeningJob, ScreeningQueueData, ScreeningRequest, UnrecordedRow } from './screening-request';
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
  /**
   * Set when the row was left to the worker (a waiting request without an Idempotency-Key): until the answer comes,
   * nothing is stored, so a request that answers without it records it first (recordUnanswered).
   */
  unrecorded?: UnrecordedScreening;
}

/** A queued screening whose row the API left to the worker: what recordUnanswered writes. */
export interface UnrecordedScreening {
  id: string;
  apiKeyId: string | null;
  request: ScreeningRequest;
  createdAt: string;
  jobId: string;
}

/**
 * How much earlier than the API gives up waiting the worker stops inserting a row left to it: room for the clocks of
 * the API's machine and Postgres's to disagree, and for a statement begun before the deadline to commit.
 */
export const ROW_DEADLINE_MARGIN_MS = 1_000;

/**
 * What a waiting request's job carries to have its row inserted by the worker: when it arrived and until when the
 * worker may insert it. None for a wait too short to leave room for the margin: the API records the row first.
 */
function rowLeftToWorker(waitMs: number | undefined): { createdAt: string; insertUntil: string } | undefined {
  if (waitMs === undefined || waitMs <= ROW_DEADLINE_MARGIN_MS) return undefined;
  const now = Date.now();
  return {
    createdAt: new Date(now).toISOString(),
    insertUntil: new Date(now + waitMs - ROW_DEADLINE_MARGIN_MS).toISOString(),
  };
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
 *
 * With `leaveRowToWorkerFor` (a request that waits this many ms for its answer) and no Idempotency-Key, nothing is
 * recorded here: the job carries the row and the worker inserts it answered, one Postgres write instead of two. The
 * caller must then record it with recordUnanswered before it answers anything but the worker's answer (`unrecorded`).
 */
export async function submitScreening(
  deps: { pool: Pool; queue: Queue<ScreeningQueueData>; logger: Logger },
  request: ScreeningRequest,
  apiKeyId: string | null,
  idempotencyKey: string | null = null,
  /** The API request's id (X-Request-Id), carried in the job for the worker's log lines. */
  requestId: string | null = null,
  leaveRowToWorkerFor?: number,
): Promise<SubmittedScreening> {
  const id = randomUUID();
  if (!idempotencyKey) {
    const left = rowLeftToWorker(leaveRowToWorkerFor);
    const { queued, jobId } = await intakeOf(deps).submit({
      id,
      apiKeyId,
      request,
      requestId,
      ...(left && { rowLeftToWorker: left }),
    });
    const unrecorded = left && { id, apiKeyId, request, createdAt: left.createdAt, jobId };
    return { id, status: 'queued', created: true, queued, ...(unrecorded && { unrecorded }) };
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

/**
 * Records queued a screening whose row was left to the worker, whose answer did not come in time (or whose job Redis
 * did not take): after this the reconciler finds it, so a client told of its id never loses it. False when the
 * worker's row was there first (it wins: nothing is written).
 */
export async function recordUnanswered(pool: Pool, s: UnrecordedScreening): Promise<boolean> {
  const { reference, ...query } = s.request;
  const inserted = await pool.query(sql.INSERT_UNANSWERED_SCREENING, [
    s.id,
    s.apiKeyId,
    query.name,
    query.type ?? null,
    query.birthDate ?? null,
    query.country ?? null,
    reference ?? null,
    s.createdAt,
    s.jobId,
  ]);
  return inserted.rowCount === 1;
}

/**
 * Takes back the job of a screening recordUnanswered could not store (Postgres down): its client is answered an
 * error, not an id, and a retry of the request must not find the first one screened too. A job a worker holds is
 * left (BullMQ refuses): its retries come past the row's deadline (insertUntil), when the worker inserts nothing
 * without the API's row, so it is never recorded. Removing a group's job
 * loses none of its other screenings: each has a row by then (or its client an error too), which the reconciler
 * queues again.
 */
export async function withdrawUnanswered(queue: Queue<ScreeningQueueData>, s: UnrecordedScreening): Promise<boolean> {
  return (await queue.remove(s.jobId)) === 1;
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

/** Fails a queued screening; with its job's `row`, inserts it failed when nobody recorded it yet. */
export async function markScreeningFailed(
  pool: Pool,
  id: string,
  reason: string,
  unrecorded?: { row: UnrecordedRow; query: ScreeningJob['query'] },
): Promise<void> {
  if (!unrecorded) {
    await pool.query(sql.MARK_FAILED, [id, reason]);
    return;
  }
  const { row, query } = unrecorded;
  await pool.query(sql.INSERT_FAILED, [
    id,
    reason,
    row.apiKeyId,
    query.name,
    query.type ?? null,
    query.birthDate ?? null,
    query.country ?? null,
    row.reference ?? null,
    row.createdAt,
    row.insertUntil ?? null,
  ]);
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
