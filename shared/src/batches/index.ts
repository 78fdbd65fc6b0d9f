export { csvRows, type CsvRow } from './csv-rows';
export { decodeUtf8OrLatin1, detectDelimiter, type CsvDelimiter } from '../text-input';
export { jsonRecords } from './json-records';
export type { UploadRecord } from './upload-record';
export {
  mapHeader,
  parseBatchRow,
  BATCH_COLUMNS,
  type BatchRow,
  type BatchRowError,
  type HeaderMap,
} from './batch-row';
export { batchChunkJobSchema, batchChunkJob, batchChunkJobId, BATCH_CHUNK_ROWS, type BatchChunkJob } from './batch-job';
export {
  enqueueBatchChunks,
  unfinishedBatchChunks,
  createBatch,
  createBatchFromCsv,
  getBatch,
  isBatchFinished,
  listBatches,
  rescreenBatch,
  cancelBatch,
  performBatchChunk,
  markBatchFailed,
  failAbandonedUploads,
  batchResults,
  batchErrors,
  type BatchDeps,
  type BatchView,
  type BatchStatus,
  type BatchResultRow,
  type ChunkOutcome,
  type UploadFormat,
  type UploadOptions,
} from './batch-service';
export { watchBatch } from './watch-batch';
export { batchResultsCsv, csvField, resultCsvLine, RESULT_CSV_COLUMNS } from './results-csv';
