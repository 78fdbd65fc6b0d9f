import { BATCH_CHUNK_ROWS, type BatchChunkJob } from './batch-job';

/** Groups an upload's valid lines into chunk line ranges as they stream past. */
export class ChunkPlanner {
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
