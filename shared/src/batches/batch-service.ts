import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { Pool } from 'pg';
import { withTransaction } from '../db';
import { listVersionLabel, recordBatchHistory } from '../history';
import type { Logger } from '../logging';
import { addWhileReachable, BATCH_CHUNK_JOB_OPTIONS } from '../queues';
import type { LoadedIndex } from '../screening';
import { mergeByDesignation } from '../designations';
import { UPSERT_CUSTOMERS_FROM_BATCH } from '../customers';
import type { SuppressedMatch } from '../suppressions';
import { recordEvent } from '../webhooks';
import { screenWithNearMisses, type MatchOptions, type NearMiss } from '../matching';
import { alertOnHitRows } from './batch-alerts';
import { recordSuppressedMatches, suppressChunkMatches } from './batch-suppressions';
import { batchChunkJob, BATCH_CHUNK_ROWS, type BatchChunkJob } from './batch-job';
import { mapHeader, parseBatchRow, type BatchRow, type BatchRowError, type HeaderMap } from './batch-row';
import * as sql from './batch-sql';
import { csvRows } from './csv-rows';
import { jsonRecords } from './json-records';
import type { UploadRecord } from './upload-record';
import { abandonUpload, keepUploadAlive, releaseDeadUploadOfKey, UPLOAD_DEAD_AFTER_MS } from './upload-liveness';

/** Rows per INSERT statement while receiving: one round trip per thousand rows keeps the upload I/O-bound. */
const INSERT_BATCH_ROWS = 1000;
/** Jobs per addBulk call: one Redis round trip for half a million rows. */
const ADD_BULK_JOBS = 1000;
/** Chunks queued while the file is still arriving, this many at a time: workers start on the first rows within a second. */
const QUEUE_WHILE_RECEIVING_CHUNKS = 20;

export type BatchStatus = 'receiving' | 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

const FINISHED: readonly string[] = ['done', 'failed', 'cancelled'];

/** Done, failed or cancelled: nothing more will be screened. Until then chunks may write, even while the file arrives. */
export function isBatchFinished(status: string): boolean {
  return FINISHED.includes(status);
}

export interface BatchView {
  id: string;
  status: BatchStatus;
  filename: string | null;
  /** Data rows in the file, valid or not. */
  total: number;
  invalidRows: number;
  /** Valid rows screened so far; the batch is done when this reaches total - invalidRows. */
  processed: number;
  hits: number;
  percent: number;
  rowsPerSecond: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
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
  matches: {
    entityId: string;
    entityIds: string[];
    matchedName: string;
    matchedNameKind: string;
    score: number;
    explanation: string[];
  }[];
  /** Best candidates that scored from the near-miss floor up to the threshold, with why each fell short; never hits. */
  nearMisses: NearMiss[];
  /** Matches left out because the customer's officer cleared them before. */
  suppressedMatches: SuppressedMatch[];
  /** The customer's own birth date and country, as the file gave them. */
  birthDate: string | null;
  country: string | null;
}

export interface BatchDeps {
  pool: Pool;
  queue: Queue<BatchChunkJob>;
  logger: Logger;
}

interface BatchRecord {
  id: string;
  status: BatchStatus;
  filename: string | null;
  total_rows: number;
  invalid_rows: number;
  processed_rows: number;
  hit_rows: number;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function rowToBatch(r: BatchRecord): BatchView {
  const valid = r.total_rows - r.invalid_rows;
  const percent =
    r.status === 'done' || valid <= 0
      ? r.status === 'done'
        ? 100
        : 0
      : Math.round((r.processed_rows / valid) * 1000) / 10;
  const seconds = r.started_at
    ? ((r.finished_at ? new Date(r.finished_at) : new Date()).getTime() - new Date(r.started_at).getTime()) / 1000
    : 0;
  return {
    id: r.id,
    status: r.status,
    filename: r.filename,
    total: r.total_rows,
    invalidRows: r.invalid_rows,
    processed: r.processed_rows,
    hits: r.hit_rows,
    percent,
    rowsPerSecond: seconds > 0 ? Math.round(r.processed_rows / seconds) : null,
    error: r.error,
    createdAt: new Date(r.created_at).toISOString(),
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
  };
}

/** Collects valid rows and row errors, writing each kind in bulk as its buffer fills. */
class RowWriter {
  private rows: BatchRow[] = [];
  private errors: BatchRowError[] = [];
  valid = 0;
  invalid = 0;

  constructor(
    private readonly pool: Pool,
    private readonly batchId: string,
  ) {}

  async addRow(row: BatchRow): Promise<void> {
    this.rows.push(row);
    this.valid++;
    if (this.rows.length >= INSERT_BATCH_ROWS) await this.flushRows();
  }

  async addError(error: BatchRowError): Promise<void> {
    this.errors.push(error);
    this.invalid++;
    if (this.errors.length >= INSERT_BATCH_ROWS) await this.flushErrors();
  }

  async flush(): Promise<void> {
    await this.flushRows();
    await this.flushErrors();
  }

  private async flushRows(): Promise<void> {
    const rows = this.rows;
    if (rows.length === 0) return;
    this.rows = [];
    await this.pool.query(sql.INSERT_ROWS, [
      this.batchId,
      rows.map((r) => r.line),
      rows.map((r) => r.reference),
      rows.map((r) => r.name),
      rows.map((r) => r.type),
      rows.map((r) => r.birthDate),
      rows.map((r) => r.country),
      rows.map((r) => r.warning),
    ]);
  }

  private async flushErrors(): Promise<void> {
    const errors = this.errors;
    if (errors.length === 0) return;
    this.errors = [];
    await this.pool.query(sql.INSERT_ROW_ERRORS, [
      this.batchId,
      errors.map((e) => e.line),
      errors.map((e) => e.field),
      errors.map((e) => e.reason),
    ]);
  }
}

/** Groups the valid lines into chunk line ranges as they stream past. */
class ChunkPlanner {
  private chunks: BatchChunkJob[] = [];
  private first = 0;
  private last = 0;
  private count = 0;

  constructor(
    private readonly batchId: string,
    private readonly requestId?: string | null,
  ) {}

  add(line: number): void {
    if (this.count === 0) this.first = line;
    this.last = line;
    if (++this.count >= BATCH_CHUNK_ROWS) this.close();
  }

  close(): void {
    if (this.count > 0)
      this.chunks.push({
        batchId: this.batchId,
        fromLine: this.first,
        toLine: this.last,
        ...(this.requestId && { requestId: this.requestId }),
      });
    this.count = 0;
  }

  get planned(): number {
    return this.chunks.length;
  }

  /** The chunks planned since the last call. */
  take(): BatchChunkJob[] {
    const chunks = this.chunks;
    this.chunks = [];
    return chunks;
  }
}

export type UploadFormat = 'csv' | 'json';

const MONITOR_NEEDS_REFERENCE = 'A reference is needed to monitor a customer: give each row a reference';

export interface UploadOptions {
  apiKeyId: string | null;
  idempotencyKey?: string | null;
  filename?: string | null;
  /** How the bytes are read: CSV (the default) or a JSON array of records. */
  format?: UploadFormat;
  /** Whether the sender is still connected (or has sent the whole file); the upload's heartbeat stops when not. */
  senderConnected?: () => boolean;
  /** POST /v1/batches?monitor=true: every row with a reference becomes, or updates, a monitored customer. */
  monitor?: boolean;
  /** The upload's request id (X-Request-Id), carried in each chunk job for the worker's log lines. */
  requestId?: string | null;
}

/**
 * Receives an uploaded customer file as a stream: rows go to `batch_rows` a thousand at a time and
 * invalid rows to `batch_row_errors`, so memory stays bounded whatever the file size. When the
 * file ends, one job per chunk of rows is queued. The same idempotency key from the same API key
 * returns the existing batch without reading the stream. A file that is not CSV (or not a JSON
 * array, for `format: 'json'`), or has no name column, is refused with a validation_failed
 * AppError and leaves nothing behind; an upload cut off (or that Postgres failed under) fails its
 * batch at once, and a dead upload's or a failed batch's Idempotency-Key accepts a new upload.
 */
export async function createBatch(
  deps: BatchDeps,
  stream: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  options: UploadOptions,
): Promise<{ batch: BatchView; created: boolean }> {
  const idempotencyKey = options.idempotencyKey ?? null;
  if (idempotencyKey) {
    await releaseDeadUploadOfKey(deps.pool, options.apiKeyId, idempotencyKey);
    const existing = (
      await deps.pool.query<BatchRecord>(sql.BATCH_BY_IDEMPOTENCY_KEY, [options.apiKeyId, idempotencyKey])
    ).rows[0];
    if (existing) return { batch: rowToBatch(existing), created: false };
  }
  const id = randomUUID();
  const inserted = (
    await deps.pool.query<BatchRecord>(sql.INSERT_BATCH, [
      id,
      options.apiKeyId,
      idempotencyKey,
      options.filename ?? null,
    ])
  ).rows[0];
  if (!inserted) {
    const existing = (
      await deps.pool.query<BatchRecord>(sql.BATCH_BY_IDEMPOTENCY_KEY, [options.apiKeyId, idempotencyKey])
    ).rows[0];
    if (existing) return { batch: rowToBatch(existing), created: false };
    throw new Error(`batch with idempotency key ${idempotencyKey} neither inserted nor found`);
  }

  if (options.monitor) await deps.pool.query(sql.MARK_MONITOR, [id]);
  const writer = new RowWriter(deps.pool, id);
  const planner = new ChunkPlanner(id, options.requestId);
  const records: AsyncIterable<UploadRecord> = options.format === 'json' ? jsonRecords(stream) : csvRows(stream);
  let finished: BatchRecord | undefined;
  const stopHeartbeat = keepUploadAlive(deps.pool, id, options.senderConnected);
  try {
    let header: HeaderMap | undefined;
    for await (const record of records) {
      if ('invalid' in record) {
        await writer.addError({ line: record.line, ...record.invalid });
        continue;
      }
      if (!header) {
        header = mapHeader(record.fields);
        continue;
      }
      const parsed = parseBatchRow(header, record.fields, record.line);
      if ('row' in parsed && options.monitor && !parsed.row.reference) {
        await writer.addError({ line: record.line, field: 'reference', reason: MONITOR_NEEDS_REFERENCE });
      } else if ('row' in parsed) {
        await writer.addRow(parsed.row);
        planner.add(parsed.row.line);
        if (planner.planned >= QUEUE_WHILE_RECEIVING_CHUNKS) await queueReceivedChunks(deps, writer, planner);
      } else {
        await writer.addError(parsed.error);
      }
    }
    if (!header) mapHeader([]);
    planner.close();
    await queueReceivedChunks(deps, writer, planner);
    await writer.flush();
    finished = await withTransaction(deps.pool, async (tx) => {
      const row = (await tx.query<BatchRecord>(sql.FINISH_UPLOAD, [id, writer.valid + writer.invalid, writer.invalid]))
        .rows[0];
      // The book becomes monitored with the upload that brings it, or not at all.
      if (options.monitor) await tx.query(UPSERT_CUSTOMERS_FROM_BATCH, [id, 0, 2_147_483_647]);
      // Done already (no valid row, or every chunk screened while the file arrived): this is the step that completes it.
      if (row?.status === 'done') await recordEvent(tx, { type: 'batch.completed', batchId: id });
      return row;
    });
  } catch (error) {
    // Either way the same idempotency key can carry the corrected file.
    await abandonUpload(deps, id, error);
    throw error;
  } finally {
    stopHeartbeat();
  }
  if (!finished) {
    // Cancelled while it was arriving: the caller gets the batch as it now is.
    const current = await batchById(deps.pool, id);
    if (!current) throw new Error(`batch ${id} disappeared while it was being received`);
    return { batch: current, created: true };
  }
  return { batch: rowToBatch(finished), created: true };
}

/**
 * Queues the chunks planned so far, once their rows are in Postgres: screening overlaps the
 * upload. A job that fails to queue is not lost: the reconciler re-derives it from the rows.
 */
async function queueReceivedChunks(deps: BatchDeps, writer: RowWriter, planner: ChunkPlanner): Promise<void> {
  if (planner.planned === 0) return;
  await writer.flush();
  await queueOrLeaveToReconciler(deps, planner.take());
}

/** Queues chunks whose rows are committed; if Redis refuses or is down, they stay in Postgres for the reconciler to queue. */
async function queueOrLeaveToReconciler(deps: BatchDeps, chunks: BatchChunkJob[]): Promise<void> {
  try {
    await addWhileReachable(deps.queue, () => enqueueBatchChunks(deps.queue, chunks));
  } catch (error) {
    deps.logger.warn('batch chunks stored but not queued yet; the reconciler will queue them', {
      batchId: chunks[0]?.batchId,
      error,
    });
  }
}

/** `createBatch` for a CSV stream. */
export function createBatchFromCsv(
  deps: BatchDeps,
  stream: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  options: Omit<UploadOptions, 'format'>,
): Promise<{ batch: BatchView; created: boolean }> {
  return createBatch(deps, stream, { ...options, format: 'csv' });
}

/**
 * Screens the rows of an earlier batch again, as a new batch, against the lists active now: what a
 * compliance team does with its customer book after a list update. The rows and refused rows are
 * copied in one transaction and the chunks queued (the reconciler queues them if Redis fails here).
 * The same idempotency key from the same API key returns the re-screen already made.
 */
export async function rescreenBatch(
  deps: BatchDeps,
  sourceId: string,
  options: { apiKeyId: string | null; idempotencyKey?: string | null; requestId?: string | null },
): Promise<{ batch: BatchView; created: boolean }> {
  const idempotencyKey = options.idempotencyKey ?? null;
  const id = randomUUID();
  const created = await withTransaction(deps.pool, async (tx) => {
    const row = (await tx.query<BatchRecord>(sql.INSERT_RESCREEN, [id, options.apiKeyId, idempotencyKey, sourceId]))
      .rows[0];
    if (!row) return undefined;
    await tx.query(sql.COPY_ROWS, [id, sourceId]);
    await tx.query(sql.COPY_ROW_ERRORS, [id, sourceId]);
    if (row.total_rows === row.invalid_rows) {
      await tx.query(sql.MARK_EMPTY_DONE, [id]);
      await recordEvent(tx, { type: 'batch.completed', batchId: id });
    }
    return row;
  });
  if (!created) {
    const existing = (
      await deps.pool.query<BatchRecord>(sql.BATCH_BY_IDEMPOTENCY_KEY, [options.apiKeyId, idempotencyKey])
    ).rows[0];
    if (existing) return { batch: rowToBatch(existing), created: false };
    throw new Error(`batch ${sourceId} to re-screen was not found`);
  }
  const { rows } = await deps.pool.query<{ from_line: number; to_line: number }>(sql.CHUNKS_OF_BATCH, [
    id,
    BATCH_CHUNK_ROWS,
  ]);
  await queueOrLeaveToReconciler(
    deps,
    rows.map((r) => ({
      batchId: id,
      fromLine: r.from_line,
      toLine: r.to_line,
      ...(options.requestId && { requestId: options.requestId }),
    })),
  );
  return { batch: (await batchById(deps.pool, id))!, created: true };
}

/** Queues chunk jobs with their deterministic ids and the standard options. */
export async function enqueueBatchChunks(queue: Queue<BatchChunkJob>, chunks: BatchChunkJob[]): Promise<void> {
  for (let i = 0; i < chunks.length; i += ADD_BULK_JOBS) {
    const jobs = chunks.slice(i, i + ADD_BULK_JOBS).map((chunk) => {
      const job = batchChunkJob(chunk);
      return { name: job.name, data: job.data, opts: { ...BATCH_CHUNK_JOB_OPTIONS, ...job.opts } };
    });
    await queue.addBulk(jobs);
  }
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

/** Cancels a batch still in progress; chunks not yet committed then write nothing. Returns the batch as it now is. */
export async function cancelBatch(pool: Pool, id: string): Promise<BatchView | undefined> {
  await pool.query(sql.CANCEL_BATCH, [id]);
  return batchById(pool, id);
}

export interface ChunkOutcome {
  outcome: 'recorded' | 'skipped';
  /** Results this run wrote; 0 when an earlier attempt had written them all. */
  inserted: number;
  hits: number;
  status: BatchStatus | null;
}

/**
 * Screens the rows of one chunk and, in one transaction, writes their results keyed by
 * (batch, line) and adds the number actually written to the batch's counters. A retried or
 * duplicated chunk therefore counts nothing twice, and the transaction that brings processed up to
 * the number of valid rows marks the batch done. A cancelled or finished batch is skipped.
 */
export async function performBatchChunk(
  pool: Pool,
  loaded: LoadedIndex,
  chunk: BatchChunkJob,
  options: MatchOptions,
): Promise<ChunkOutcome> {
  const status = (await pool.query<{ status: BatchStatus }>(sql.BATCH_STATUS, [chunk.batchId])).rows[0]?.status ?? null;
  if (!status || isBatchFinished(status)) return { outcome: 'skipped', inserted: 0, hits: 0, status };

  const { rows } = await pool.query(sql.PENDING_ROWS_OF_CHUNK, [chunk.batchId, chunk.fromLine, chunk.toLine]);
  const screened = rows.map((r) => {
    const { matches: recordMatches, nearMisses } = screenWithNearMisses(
      loaded.index,
      {
        name: r.name,
        ...(r.type && { type: r.type }),
        ...(r.birth_date && { birthDate: r.birth_date }),
        ...(r.country && { country: r.country }),
      },
      options,
    );
    const matches = mergeByDesignation(recordMatches, loaded.designations);
    return { line: r.line as number, row: r, matches, nearMisses };
  });

  return withTransaction(pool, async (tx) => {
    const batch = (
      await tx.query<{ status: BatchStatus; workspace_id: string; api_key_id: string | null }>(sql.LOCK_BATCH, [
        chunk.batchId,
      ])
    ).rows[0];
    const locked = batch?.status ?? null;
    if (!batch || !locked || isBatchFinished(locked))
      return { outcome: 'skipped' as const, inserted: 0, hits: 0, status: locked };
    await tx.query(sql.NO_JIT);
    const suppressed = await suppressChunkMatches(tx, batch.workspace_id, screened);
    const written = await tx.query<{ line: number; decision: string }>(sql.INSERT_RESULTS, [
      chunk.batchId,
      screened.map((s) => s.line),
      screened.map((s) => (s.matches.length > 0 ? 'hit' : 'no_hit')),
      screened.map((s) => s.matches[0]?.score ?? null),
      screened.map((s) => s.matches[0]?.entityId ?? null),
      screened.map((s) => s.matches[0]?.matchedName ?? null),
      screened.map((s) => JSON.stringify(s.matches)),
      screened.map((s) => JSON.stringify(s.nearMisses)),
      screened.map((s) => (s.matches[0] ? JSON.stringify(s.matches[0].entityIds) : null)),
    ]);
    await recordSuppressedMatches(tx, chunk.batchId, screened, suppressed);
    await recordBatchHistory(
      tx,
      { id: chunk.batchId, workspaceId: batch.workspace_id, listVersion: listVersionLabel(loaded.versions) },
      screened,
      written.rows,
    );
    await alertOnHitRows(
      tx,
      { id: chunk.batchId, workspaceId: batch.workspace_id, apiKeyId: batch.api_key_id },
      screened,
      written.rows,
    );
    const inserted = written.rowCount ?? 0;
    const hits = written.rows.filter((r) => r.decision === 'hit').length;
    // Always run, even for an empty chunk: a retry after a crash between commit and ack still finishes the batch.
    const updated =
      (await tx.query<{ status: BatchStatus }>(sql.ADD_PROGRESS, [chunk.batchId, inserted, hits])).rows[0]?.status ??
      locked;
    // Outbox events commit with the results they report: one batch.hit per hit row written here, and batch.completed once.
    if (hits > 0)
      await recordEvent(tx, {
        type: 'batch.hit',
        batchId: chunk.batchId,
        fromLine: chunk.fromLine,
        toLine: chunk.toLine,
      });
    if (updated === 'done') await recordEvent(tx, { type: 'batch.completed', batchId: chunk.batchId });
    return { outcome: 'recorded' as const, inserted, hits, status: updated };
  });
}

/** Fails uploads still arriving `maxAgeMs` after they began, or whose API process stopped receiving them; returns their ids. */
export async function failAbandonedUploads(pool: Pool, maxAgeMs: number): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(sql.FAIL_ABANDONED_UPLOADS, [maxAgeMs, UPLOAD_DEAD_AFTER_MS]);
  return rows.map((r) => r.id);
}

export async function markBatchFailed(pool: Pool, id: string, reason: string): Promise<void> {
  await pool.query(sql.MARK_FAILED, [id, reason]);
}

function rowToResult(r: Record<string, any>): BatchResultRow {
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

/** One page of results in line order; `after` is the last line of the previous page. */
export async function batchResults(
  pool: Pool,
  id: string,
  options: { decision?: 'hit' | 'no_hit'; after?: number; limit: number },
): Promise<BatchResultRow[]> {
  const { rows } = await pool.query(sql.RESULTS_PAGE, [
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
  const { rows } = await pool.query(sql.ERRORS_PAGE, [id, options.after ?? 0, options.limit]);
  return rows.map((r) => ({ line: r.line, field: r.field, reason: r.reason }));
}

/** Chunk jobs of unfinished batches, re-derived from Postgres for the reconciler (a lost job comes back, a live one is not doubled). */
export async function unfinishedBatchChunks(pool: Pool, graceMs: number, limit = 10_000): Promise<BatchChunkJob[]> {
  const { rows } = await pool.query<{ batch_id: string; from_line: number; to_line: number }>(sql.UNFINISHED_CHUNKS, [
    graceMs,
    BATCH_CHUNK_ROWS,
    limit,
  ]);
  return rows.map((r) => ({ batchId: r.batch_id, fromLine: r.from_line, toLine: r.to_line }));
}
