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
export { isBatchFinished, type BatchStatus, type BatchView } from './batch-view';
export type { BatchDeps } from './batch-deps';
export { createBatch, createBatchFromCsv, type UploadFormat, type UploadOptions } from './batch-upload';
export { rescreenBatch } from './batch-rescreen';
export { enqueueBatchChunks, unfinishedBatchChunks } from './chunk-queue';
export { performBatchChunk, type ChunkOutcome } from './batch-chunk-screening';
export { cancelBatch, markBatchFailed, failAbandonedUploads } from './batch-ending';
export {
  getBatch,
  listBatches,
  batchResults,
  batchErrors,
  type BatchResultRow,
  type BatchResultMatch,
} from './batch-reads';
export { watchBatch } from './watch-batch';
export { batchResultsCsv, csvField, resultCsvLine, RESULT_CSV_COLUMNS } from './results-csv';
