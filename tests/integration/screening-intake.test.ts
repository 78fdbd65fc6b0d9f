import { randomUUID } from 'node:crypto';
import type { Queue } from 'bullmq';
import { createQueue, QUEUE_NAMES } from '@sanctions/shared/queues';
import { ScreeningIntake, type ScreeningQueueData } from '@sanctions/shared/screening';
import {
  createTestDatabase,
  quietLogger,
  testRedisUrl,
  uniqueQueuePrefix,
  type TestDatabase,
} from '../support/test-stores';

/**
 * Group commit at intake: requests arriving together are recorded by one INSERT and queued as one job that carries
 * each as one alone would be (its row committed before its job, with its own fields and the job's id), a lone
 * request gets its own job, and one bad request fails alone. A waiting request's row is left to the worker: its job
 * carries it, and nothing is written for it here.
 */
let db: TestDatabase;
let queue: Queue<ScreeningQueueData>;
let intake: ScreeningIntake;
beforeAll(async () => {
  db = await createTestDatabase();
  queue = createQueue<ScreeningQueueData>(QUEUE_NAMES.screenings, testRedisUrl(), uniqueQueuePrefix(), quietLogger);
  intake = new ScreeningIntake(db.pool, queue, quietLogger);
});
afterAll(async () => {
  await queue.obliterate({ force: true });
  await queue.close();
  await db.drop();
});

describe('recording and queueing the screenings that arrive together', () => {
  it('records each with its own fields and queues them as one job, all in one group', async () => {
    const submitted = Array.from({ length: 20 }, (_, i) => ({
      id: randomUUID(),
      apiKeyId: null,
      request: {
        name: `Person ${i}`,
        ...(i % 2 === 0 && { type: 'person' as const, country: 'FR', reference: `r-${i}` }),
      },
      requestId: `req-${i}`,
    }));
    // Submitted in one synchronous step: they form one group.
    const groupJobId = `screenings-${submitted[0]!.id}`;
    await expect(Promise.all(submitted.map((s) => intake.submit(s)))).resolves.toEqual(
      submitted.map(() => ({ queued: true, jobId: groupJobId })),
    );

    const { rows } = await db.pool.query(
      `SELECT id, status, workspace_id, name, entity_type, country, reference, job_id FROM screenings WHERE id = ANY ($1::uuid[])`,
      [submitted.map((s) => s.id)],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [i, s] of submitted.entries()) {
      expect(byId.get(s.id)).toEqual({
        id: s.id,
        status: 'queued',
        workspace_id: 'default',
        name: `Person ${i}`,
        entity_type: i % 2 === 0 ? 'person' : null,
        country: i % 2 === 0 ? 'FR' : null,
        reference: i % 2 === 0 ? `r-${i}` : null,
        job_id: groupJobId,
      });
      expect(await queue.getJob(`screening-${s.id}`)).toBeUndefined();
    }
    const job = await queue.getJob(groupJobId);
    expect(job?.name).toBe('screen-group');
    expect(job?.data).toEqual({
      screenings: submitted.map((s) => ({
        screeningId: s.id,
        query: { ...s.request, reference: undefined },
        requestId: s.requestId,
      })),
    });
  });

  it('queues a lone request as its own screening job', async () => {
    const id = randomUUID();
    await expect(intake.submit({ id, apiKeyId: null, request: { name: 'Alone' }, requestId: null })).resolves.toEqual({
      queued: true,
      jobId: `screening-${id}`,
    });
    const job = await queue.getJob(`screening-${id}`);
    expect(job?.name).toBe('screen');
    expect(job?.data).toEqual({ screeningId: id, query: { name: 'Alone' } });
    const { rows } = await db.pool.query(`SELECT job_id FROM screenings WHERE id = $1`, [id]);
    expect(rows[0].job_id).toBe(`screening-${id}`);
  });

  it('fails only the request that cannot be recorded; the others of its group are recorded and queued', async () => {
    const good = [randomUUID(), randomUUID()];
    const results = await Promise.allSettled([
      intake.submit({ id: good[0]!, apiKeyId: null, request: { name: 'First' }, requestId: null }),
      // No such key: the foreign key refuses this row.
      intake.submit({ id: randomUUID(), apiKeyId: randomUUID(), request: { name: 'Orphan' }, requestId: null }),
      intake.submit({ id: good[1]!, apiKeyId: null, request: { name: 'Second' }, requestId: null }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM screenings WHERE id = ANY ($1::uuid[])`, [
      good,
    ]);
    expect(rows[0].n).toBe(2);
    for (const id of good) expect(await queue.getJob(`screening-${id}`)).toBeDefined();
  });

  it("records no row for a request whose row is left to the worker; its job carries the row, beside the others'", async () => {
    const [waiting, recorded] = [randomUUID(), randomUUID()];
    const createdAt = '2026-01-02T03:04:05.678Z';
    const results = await Promise.all([
      intake.submit({
        id: waiting,
        apiKeyId: null,
        request: { name: 'Waiting', reference: 'w-1' },
        requestId: 'req-w',
        rowLeftToWorker: { createdAt },
      }),
      intake.submit({ id: recorded, apiKeyId: null, request: { name: 'Recorded' }, requestId: null }),
    ]);
    const jobId = `screenings-${waiting}`;
    expect(results).toEqual([
      { queued: true, jobId },
      { queued: true, jobId },
    ]);
    const { rows } = await db.pool.query(`SELECT id, job_id FROM screenings WHERE id = ANY ($1::uuid[])`, [
      [waiting, recorded],
    ]);
    expect(rows).toEqual([{ id: recorded, job_id: jobId }]);
    expect((await queue.getJob(jobId))?.data).toEqual({
      screenings: [
        {
          screeningId: waiting,
          query: { name: 'Waiting' },
          requestId: 'req-w',
          row: { apiKeyId: null, reference: 'w-1', createdAt },
        },
        { screeningId: recorded, query: { name: 'Recorded' } },
      ],
    });
  });

  it('queues a lone waiting request as its own job, with its row and without a write', async () => {
    const id = randomUUID();
    const createdAt = new Date().toISOString();
    await expect(
      intake.submit({
        id,
        apiKeyId: null,
        request: { name: 'Alone' },
        requestId: null,
        rowLeftToWorker: { createdAt },
      }),
    ).resolves.toEqual({ queued: true, jobId: `screening-${id}` });
    expect((await queue.getJob(`screening-${id}`))?.data).toEqual({
      screeningId: id,
      query: { name: 'Alone' },
      row: { apiKeyId: null, createdAt },
    });
    expect((await db.pool.query(`SELECT 1 FROM screenings WHERE id = $1`, [id])).rowCount).toBe(0);
  });
});
