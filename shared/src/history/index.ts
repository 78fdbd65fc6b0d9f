/** Screening history: every result of a workspace (single, batch row, monitoring), written with it, read newest first. */
export {
  screeningHistoryQuerySchema,
  toHistoryQuery,
  nextHistoryPageQuery,
  encodeHistoryCursor,
  decodeHistoryCursor,
  HISTORY_SOURCES,
  HISTORY_DECISIONS,
  DEFAULT_HISTORY_PAGE,
  MAX_HISTORY_PAGE,
  type ScreeningHistoryQuery,
  type ScreeningHistoryQueryInput,
  type HistoryCursor,
  type HistoryFilters,
  type HistorySource,
} from './history-request';
export {
  recordHistory,
  recordBatchHistory,
  recordMonitoringHistory,
  listVersionLabel,
  batchRowHistoryId,
  type HistoryEntry,
} from './history-record';
export { listScreeningHistory, historyPageStatement, type HistoryView } from './history-list';
