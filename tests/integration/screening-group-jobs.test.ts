import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { QUEUE_NAMES, redisConnectionOptions } from '@sanctions/shared/queues';
import { screeningGroupJob, screeningGroupJobId, type ScreeningQueueData } from '@sanctions/shared/screening';
import { startReconciler } from '@sanctions/screening-worker';
import { createSeededDatabase } from '../support/list-factories';
import { startService, type RunningService } from '../support/running-service';
import { quietLogger, testConfig, type TestDatabase } from '../support/test-stores';

/**
 * The intake queues the screenings it recorded together as one job (`screen-group`): a worker records every one of
 * them exactly once, a crash between commit and acknowledgement writes nothing twice, and a group lost with Redis
 * is queued again by the reconciler under its own id, with the members still queued.
 */
let db: TestDatabase;
beforeAll(async () => {
  db = await createSeededDatabase();
});
afterAll(async () => {
  await db.drop();
});

const NAMES = ['Ri Yong Gil', 'Sense Time Group', 'Nobody In Particular'];

async function insertGroup(names: string[]): Promise<{ ids: string[]; jobId: string }> {
  const ids = names.map(() => randomUUID());
  const jobId = screeningGroupJobId(ids[0]!);
  for (const [i, name] of names.entries())
    await db.pool.query(`INSERT INTO screenings (id, status, name, job_id) VALUES ($1, 'queued', $2, $3)`, [
      ids[i],
      name,
      jobId,
    ]);
  return { ids, jobId };
}

async function waitUntilDone(ids: string[], timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await db.pool.query(
      `SELECT count(*)::int AS n FROM screenings WHERE id = ANY ($1::uuid[]) AND status = 'done'`,
      [ids],
    );
    if (rows[0].n === ids.length) return;
    if (Date.now() > deadline) throw new Error(`${rows[0].n} of ${ids.length} screenings done after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function matchCounts(ids: string[]): Promise<number[]> {
  const { rows } = await db.pool.query(
    `SELECT s.id, (SELECT count(*)::int FROM screening_matches m WHERE m.screening_id = s.id) AS n
     FROM screenings s WHERE s.id = ANY ($1::uuid[])`,
    [ids],
  );
  const byId = new Map(rows.map((r) => [r.id, r.n]));
  return ids.map((id) => byId.get(id));
}

function queueOf(config: ReturnType<typeof testConfig>): Queue<ScreeningQueueData> {
  return new Queue(QUEUE_NAMES.screenings, {
    connection: redisConnectionOptions(config.redisUrl!),
    prefix: config.queuePrefix,
  });
}

describe('one job for the screenings recorded together', () => {
  let service: RunningService | undefined;
  afterEach(async () => {
    await service?.stop();
    service = undefined;
  });

  it('records every screening of a group once, even when the worker crashes after committing one of them', async () => {
    const { ids, jobId } = await insertGroup(NAMES);
    let crashed = false;
    const config = testConfig(db.url);
    service = await startService(config, {
      afterRecorded: (id) => {
        if (crashed || id !== ids[1]) return;
        crashed = true;
        throw new Error('simulated crash between the commit and the acknowledgement');
      },
    });
    const queue = queueOf(config);
    try {
      const job = screeningGroupJob(
        jobId,
        ids.map((id, i) => ({ screeningId: id, query: { name: NAMES[i]! } })),
      );
      await queue.add(job.name, job.data, { ...job.opts, attempts: 3, backoff: { type: 'fixed', delay: 10 } });
      await waitUntilDone(ids);
      for (let i = 0; i < 200 && (await queue.getJobState(jobId)) !== 'completed'; i++)
        await new Promise((r) => setTimeout(r, 50));
      const done = await queue.getJob(jobId);
      expect(crashed).toBe(true);
      expect(done?.attemptsMade).toBe(2);
      expect(done?.returnvalue.screenings).toEqual(
        ids.map((id) => expect.objectContaining({ id, outcome: 'already-recorded' })),
      );
    } finally {
      await queue.close();
    }
    const [first, second, third] = await matchCounts(ids);
    expect([first, second, third]).toEqual([1, 1, 0]);
    const { rows } = await db.pool.query(`SELECT id, decision FROM screenings WHERE id = ANY ($1::uuid[])`, [ids]);
    expect(new Map(rows.map((r) => [r.id, r.decision]))).toEqual(
      new Map([
        [ids[0], 'hit'],
        [ids[1], 'hit'],
        [ids[2], 'no_hit'],
      ]),
    );
  });

  it('a group lost with Redis is queued again by the reconciler and recorded', async () => {
    const { ids } = await insertGroup(NAMES);
    service = await startService(testConfig(db.url, { RECONCILE_GRACE_MS: '0', RECONCILE_INTERVAL_MS: '600000' }));
    await service.worker.reconcileNow();
    await waitUntilDone(ids);
    expect(await matchCounts(ids)).toEqual([1, 1, 0]);
  });

  it('the reconciler queues a group again under its id, with its members still queued, and never twice', async () => {
    const { ids, jobId } = await insertGroup(NAMES);
    await db.pool.query(`UPDATE screenings SET status = 'done' WHERE id = $1`, [ids[0]]);
    const config = testConfig(db.url);
    const queue = queueOf(config);
    const batchQueue = new Queue(QUEUE_NAMES.batchChunks, {
      connection: redisConnectionOptions(config.redisUrl!),
      prefix: config.queuePrefix,
    });
    const reconciler = startReconciler(
      { pool: db.pool, queue, batchQueue, logger: quietLogger },
      { intervalMs: 600_000, graceMs: 0, uploadTimeoutMs: 600_000 },
    );
    try {
      await reconciler.runOnce();
      await reconciler.runOnce();
      const jobs = await queue.getJobs(['waiting', 'prioritized', 'delayed']);
      const mine = jobs.filter((j) => j.id === jobId || ids.some((id) => j.id === `screening-${id}`));
      expect(mine.map((j) => j.id)).toEqual([jobId]);
      expect(mine[0]!.name).toBe('screen-group');
      expect(mine[0]!.data).toEqual({
        screenings: [
          { screeningId: ids[1], query: { name: NAMES[1] } },
          { screeningId: ids[2], query: { name: NAMES[2] } },
        ],
      });
    } finally {
      await reconciler.stop();
      await queue.obliterate({ force: true });
      await queue.close();
      await batchQueue.close();
    }
  });
});
