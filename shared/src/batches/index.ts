export { csvRows, decodeUtf8OrLatin1, detectDelimiter, type CsvRow, type CsvDelimiter } from './csv-rows';
export { mapHeader, parseBatchRow, BATCH_COLUMNS, type BatchRow, type BatchRowError, type HeaderMap } from './batch-row';
export { batchChunkJobSchema, batchChunkJob, batchChunkJobId, BATCH_CHUNK_ROWS, type BatchChunkJob } from './batch-job';
export {
  enqueueBatchChunks,
  unfinishedBatchChunks,
  createBatchFromCsv,
  getBatch,
  cancelBatch,
  performBatchChunk,
  markBatchFailed,
  batchResults,
  batchErrors,
  type BatchDeps,
  type BatchView,
  type BatchStatus,
  type BatchResultRow,
  type ChunkOutcome,
} from './batch-service';
export { batchResultsCsv, csvField, resultCsvLine, RESULT_CSV_COLUMNS } from './results-csv';
