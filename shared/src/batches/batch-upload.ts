import { randomUUID } from 'node:crypto';
import { UPSERT_CUSTOMERS_FROM_BATCH } from '../customers';
import { withTransaction } from '../db';
import { recordEvent } from '../webhooks';
import type { BatchDeps } from './batch-deps';
import { batchById, batchByIdempotencyKey } from './batch-reads';
import { mapHeader, parseBatchRow, type HeaderMap } from './batch-row';
import * as sql from './batch-sql';
import { rowToBatch, type BatchRecord, type BatchView } from './batch-view';
import { ChunkPlanner } from './chunk-planner';
import { queueOrLeaveToReconciler } from './chunk-queue';
import { csvRows } from './csv-rows';
import { jsonRecords } from './json-records';
import type { UploadRecord } from './upload-record';
import { abandonUpload, keepUploadAlive, releaseDeadUploadOfKey } from './upload-liveness';
import { UploadRowWriter } from './upload-row-writer';

/** Chunks queued while the file is still arriving, this many at a time: workers start on the first rows within a second. */
const QUEUE_WHILE_RECEIVING_CHUNKS = 20;

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
    const existing = await batchByIdempotencyKey(deps.pool, options.apiKeyId, idempotencyKey);
    if (existing) return { batch: existing, created: false };
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
    const existing = await batchByIdempotencyKey(deps.pool, options.apiKeyId, idempotencyKey);
    if (existing) return { batch: existing, created: false };
    throw new Error(`batch with idempotency key ${idempotencyKey} neither inserted nor found`);
  }

  if (options.monitor) await deps.pool.query(sql.MARK_MONITOR, [id]);
  const writer = new UploadRowWriter(deps.pool, id);
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
async function queueReceivedChunks(deps: BatchDeps, writer: UploadRowWriter, planner: ChunkPlanner): Promise<void> {
  if (planner.planned === 0) return;
  await writer.flush();
  await queueOrLeaveToReconciler(deps, planner.take());
}

/** `createBatch` for a CSV stream. */
export function createBatchFromCsv(
  deps: BatchDeps,
  stream: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  options: Omit<UploadOptions, 'format'>,
): Promise<{ batch: BatchView; created: boolean }> {
  return createBatch(deps, stream, { ...options, format: 'csv' });
}
