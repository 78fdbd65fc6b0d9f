import type { Pool } from 'pg';
import type { BatchRow, BatchRowError } from './batch-row';
import * as sql from './batch-sql';

/** Rows per INSERT statement while receiving: one round trip per thousand rows keeps the upload I/O-bound. */
const INSERT_BATCH_ROWS = 1000;

/** Collects an upload's valid rows and row errors, writing each kind in bulk as its buffer fills. */
export class UploadRowWriter {
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
