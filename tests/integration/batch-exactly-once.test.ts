import type { Queue } from 'bullmq';
import { createBatchFromCsv, getBatch, performBatchChunk, type BatchChunkJob } from '@sanctions/shared/batches';
import { createQueue, QUEUE_NAMES } from '@sanctions/shared/queues';
import { DEFAULT_MATCH_THRESHOLD } from '@sanctions/shared/matching';
import { call } from '../support/http';
import { seededServicePerFile, startService } from '../support/running-service';
import { quietLogger, testConfig, uniqueQueuePrefix } from '../support/test-stores';

const MATCH_OPTIONS = { threshold: DEFAULT_MATCH_THRESHOLD, limit: 10 };

const stores = seededServicePerFile();

/** Receives a file without queueing its chunks, so a test can run them itself. */
const unqueued = {
  pool: () => stores.db.pool,
  queue: { addBulk: async () => [] } as unknown as Queue<BatchChunkJob>,
  logger: quietLogger,
};
const receive = (csv: string) =>
  createBatchFromCsv({ pool: unqueued.pool(), queue: unqueued.queue, logger: quietLogger }, [Buffer.from(csv)], {
    apiKeyId: null,
  });

describe('exactly once', () => {
  const rows = (count: number) =>
    'name,reference\n' +
    Array.from({ length: count }, (_, i) => `Customer ${i},R${i}`).join('\n') +
    '\nSense Time Group,R-hit\n';

  it('a chunk run twice writes and counts its results once', async () => {
    const { batch } = await receive(rows(599));
    expect(batch).toMatchObject({ status: 'queued', total: 600, invalidRows: 0 });
    const loaded = await stores.service.worker.indexCache.current();
    const first = { batchId: batch.id, fromLine: 2, toLine: 501 };
    const second = { batchId: batch.id, fromLine: 502, toLine: 601 };

    expect(await performBatchChunk(stores.db.pool, loaded, first, MATCH_OPTIONS)).toMatchObject({
      outcome: 'recorded',
      inserted: 500,
      status: 'running',
    });
    expect(await performBatchChunk(stores.db.pool, loaded, first, MATCH_OPTIONS)).toMatchObject({
      outcome: 'recorded',
      inserted: 0,
      status: 'running',
    });
    expect(await performBatchChunk(stores.db.pool, loaded, second, MATCH_OPTIONS)).toMatchObject({
      inserted: 100,
      hits: 1,
      status: 'done',
    });
    expect(await performBatchChunk(stores.db.pool, loaded, second, MATCH_OPTIONS)).toMatchObject({
      outcome: 'skipped',
      inserted: 0,
    });

    const res = await call(stores.service.url, 'GET', `/v1/batches/${batch.id}`);
    expect(res.body).toMatchObject({ status: 'done', processed: 600, hits: 1, percent: 100 });
    const count = await stores.db.pool.query('SELECT count(*)::int AS n FROM batch_results WHERE batch_id = $1', [
      batch.id,
    ]);
    expect(count.rows[0].n).toBe(600);
  });

  it('a cancelled batch stops: its chunks write nothing', async () => {
    const { batch } = await receive(rows(10));
    const res = await call(stores.service.url, 'DELETE', `/v1/batches/${batch.id}`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    const loaded = await stores.service.worker.indexCache.current();
    expect(
      await performBatchChunk(stores.db.pool, loaded, { batchId: batch.id, fromLine: 2, toLine: 12 }, MATCH_OPTIONS),
    ).toMatchObject({
      outcome: 'skipped',
      status: 'cancelled',
    });
    expect((await call(stores.service.url, 'GET', `/v1/batches/${batch.id}`)).body).toMatchObject({
      status: 'cancelled',
      processed: 0,
    });
  });
});

describe('when Redis lost the chunk jobs of a batch', () => {
  it('the reconciler re-derives them from Postgres and the batch completes once', async () => {
    const config = testConfig(stores.db.url, { RECONCILE_GRACE_MS: '0', RECONCILE_INTERVAL_MS: '600000' });
    const reconciling = await startService(config);
    // Jobs added under another prefix reach no worker: as if Redis had been flushed after the upload.
    const lost = createQueue<BatchChunkJob>(QUEUE_NAMES.batchChunks, config.redisUrl!, uniqueQueuePrefix());
    try {
      const rows = ['name', ...Array.from({ length: 1200 }, (_, i) => `Customer Number ${i}`), 'Sense Time Group'].join(
        '\n',
      );
      const { batch } = await createBatchFromCsv(
        { pool: stores.db.pool, queue: lost, logger: quietLogger },
        [Buffer.from(rows)],
        { apiKeyId: null },
      );
      await reconciling.worker.reconcileNow();
      await reconciling.worker.reconcileNow(); // a second pass while chunks are queued or running adds nothing twice
      let view = await getBatch(stores.db.pool, batch.id, 'default');
      for (let i = 0; i < 400 && view?.status !== 'done'; i++) {
        await new Promise((r) => setTimeout(r, 50));
        view = await getBatch(stores.db.pool, batch.id, 'default');
      }
      expect(view).toMatchObject({ status: 'done', total: 1201, processed: 1201, hits: 1 });
      const { rows: counted } = await stores.db.pool.query(
        'SELECT count(*)::int AS n FROM batch_results WHERE batch_id = $1',
        [batch.id],
      );
      expect(counted[0].n).toBe(1201);
    } finally {
      await lost.obliterate({ force: true }).catch(() => undefined);
      await lost.close();
      await reconciling.stop();
    }
  });
});

describe('an upload that never completed', () => {
  it('is failed by the reconciler with a reason, so its batch does not wait forever', async () => {
    const id = '00000000-0000-4000-8000-00000000abcd';
    await stores.db.pool.query(
      `INSERT INTO batches (id, status, created_at) VALUES ($1, 'receiving', now() - interval '3 hours')`,
      [id],
    );
    await stores.service.worker.reconcileNow();
    const res = await call(stores.service.url, 'GET', `/v1/batches/${id}`);
    expect(res.body).toMatchObject({ status: 'failed', error: expect.stringContaining('send the file again') });
  });
});
