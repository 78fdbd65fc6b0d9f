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

/** A `batches` row as the statements of batch-sql.ts return it (their BATCH_COLUMNS). */
export interface BatchRecord {
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

/** The batch as the API shows it: counts, percent done and throughput derived from the row. */
export function rowToBatch(r: BatchRecord): BatchView {
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
