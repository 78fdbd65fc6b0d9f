import type { AppConfig } from '@sanctions/shared/config';
import { randomUUID } from 'node:crypto';
import { Queue } from 'bullmq';
import { QUEUE_NAMES, redisConnectionOptions } from '@sanctions/shared/queues';
import { screeningJobId } from '@sanctions/shared/screening';
import { call } from '../support/http';
import { createSeededDatabase } from '../support/list-factories';
import { startService, type RunningService } from '../support/running-service';
import { testConfig, type TestDatabase } from '../support/test-stores';

let db: TestDatabase;
beforeAll(async () => {
  db = await createSeededDatabase();
});
afterAll(async () => {
  await db.drop();
});

async function waitForStatus(
  pool: TestDatabase['pool'],
  id: string,
  status: string,
  timeoutMs = 20_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await pool.query('SELECT status FROM screenings WHERE id = $1', [id]);
    if (rows[0]?.status === status) return;
    if (Date.now() > deadline) throw new Error(`screening ${id} still ${rows[0]?.status} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('exactly-once results', () => {
  let service: RunningService | undefined;
  afterEach(async () => {
    await service?.stop();
    service = undefined;
  });

  it('when a worker crashes after committing a result, the retried job writes nothing twice', async () => {
    const crashed = new Set<string>();
    const config = testConfig(db.url);
    service = await startService(config, {
      afterRecorded: (id) => {
        if (crashed.has(id)) return;
        crashed.add(id);
        throw new Error('simulated crash between the commit and the acknowledgement');
      },
    });
    const accepted = await call(service.url, 'POST', '/v1/screenings', { body: { name: 'Ri Yong Gil' } });
    expect(accepted.status).toBe(202);
    const id = accepted.body.id as string;
    await waitForStatus(db.pool, id, 'done');

    await expectRedeliveredRecordingNothing(config, id);
    expect(crashed.has(id)).toBe(true);
    const matches = await db.pool.query('SELECT entity_id FROM screening_matches WHERE screening_id = $1', [id]);
    expect(matches.rows.map((r) => r.entity_id)).toEqual(['seed:ofac-33936']);
  });

  it('when Redis lost the job, the reconciler queues it again from Postgres', async () => {
    const config = testConfig(db.url, { RECONCILE_GRACE_MS: '0', RECONCILE_INTERVAL_MS: '600000' });
    service = await startService(config);
    // An accepted screening whose job never reached Redis (or was flushed with it).
    const id = randomUUID();
    await db.pool.query(
      `INSERT INTO screenings (id, status, name, entity_type) VALUES ($1, 'queued', 'Sense Time Group', 'organization')`,
      [id],
    );
    await service.worker.reconcileNow();
    await waitForStatus(db.pool, id, 'done');
    const res = await call(service.url, 'GET', `/v1/screenings/${id}`);
    expect(res.body).toMatchObject({
      decision: 'hit',
      matches: [expect.objectContaining({ entityId: 'seed:ofac-33114' })],
    });
  });

  it('a duplicate delivery of the same screening records one result', async () => {
    const config = testConfig(db.url);
    service = await startService(config);
    const id = randomUUID();
    await db.pool.query(`INSERT INTO screenings (id, status, name) VALUES ($1, 'queued', 'SEK Studio')`, [id]);
    const queue = new Queue(QUEUE_NAMES.screenings, {
      connection: redisConnectionOptions(config.redisUrl!),
      prefix: config.queuePrefix,
    });
    try {
      const data = { screeningId: id, query: { name: 'SEK Studio' } };
      await queue.addBulk([
        { name: 'screen', data, opts: { jobId: `dup-a-${id}` } },
        { name: 'screen', data, opts: { jobId: `dup-b-${id}` } },
      ]);
      await waitForStatus(db.pool, id, 'done');
      for (let i = 0; i < 200 && (await queue.getCompletedCount()) < 2; i++)
        await new Promise((r) => setTimeout(r, 50));
      const outcomes = (await queue.getCompleted()).map((j) => j.returnvalue.outcome).sort();
      expect(outcomes).toEqual(['already-recorded', 'recorded']);
    } finally {
      await queue.close();
    }
    const { rows } = await db.pool.query('SELECT count(*)::int AS n FROM screening_matches WHERE screening_id = $1', [
      id,
    ]);
    expect(rows[0].n).toBe(1);
  });

  it('a job with an invalid payload fails at once and never retries', async () => {
    const config = testConfig(db.url);
    service = await startService(config);
    const queue = new Queue(QUEUE_NAMES.screenings, {
      connection: redisConnectionOptions(config.redisUrl!),
      prefix: config.queuePrefix,
    });
    try {
      const job = await queue.add('screen', { screeningId: 'not-a-uuid', query: {} }, { attempts: 5 });
      for (let i = 0; i < 200 && (await job.getState()) !== 'failed'; i++) await new Promise((r) => setTimeout(r, 25));
      const failed = await queue.getJob(job.id!);
      expect(await failed?.getState()).toBe('failed');
      expect(failed?.attemptsMade).toBe(1);
      expect(failed?.failedReason).toMatch(/Invalid screening job payload/);
    } finally {
      await queue.close();
    }
  });

  it('a waiting request whose worker crashes after its commit gets the answer, and the retry records nothing twice', async () => {
    const crashed = new Set<string>();
    const config = testConfig(db.url);
    service = await startService(config, {
      afterRecorded: (id) => {
        if (crashed.has(id)) return;
        crashed.add(id);
        throw new Error('simulated crash between the commit and the acknowledgement');
      },
    });
    const answered = await call(service.url, 'POST', '/v1/screenings?wait=true', {
      body: { name: 'Ri Yong Gil', reference: 'cust-crash' },
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ status: 'done', decision: 'hit', reference: 'cust-crash' });
    const id = answered.body.id as string;
    await expectRedeliveredRecordingNothing(config, id);
    const { rows } = await db.pool.query(
      `SELECT (SELECT count(*)::int FROM screening_matches WHERE screening_id = $1) AS matches,
              (SELECT count(*)::int FROM alerts WHERE screening_id = $1) AS alerts,
              (SELECT count(*)::int FROM screening_history WHERE id = $1) AS history`,
      [id],
    );
    expect(rows[0]).toEqual({ matches: 1, alerts: 1, history: 1 });
  });

  it('a waiting request answered 202 (no answer within its wait) is stored first: GET finds it, then its result', async () => {
    const config = testConfig(db.url, { SCREENING_WAIT_MAX_MS: '0' });
    service = await startService(config);
    const res = await call(service.url, 'POST', '/v1/screenings?wait=true', { body: { name: 'Sense Time Group' } });
    const id = res.body.id as string;
    // Either the worker's answer came first (200) or the row was stored queued before the 202 went out.
    const seen = await call(service.url, 'GET', `/v1/screenings/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.id).toBe(id);
    if (res.status === 202) expect(res.body).toMatchObject({ id, status: 'queued' });
    await waitForStatus(db.pool, id, 'done');
    const { rows } = await db.pool.query(`SELECT count(*)::int AS n FROM screening_history WHERE id = $1`, [id]);
    expect(rows[0].n).toBe(1);
  });
});

/** The screening's job, redelivered once after its first delivery's worker died, completed and recorded nothing again. */
async function expectRedeliveredRecordingNothing(config: AppConfig, id: string): Promise<void> {
  const queue = new Queue(QUEUE_NAMES.screenings, {
    connection: redisConnectionOptions(config.redisUrl!),
    prefix: config.queuePrefix,
  });
  try {
    for (let i = 0; i < 200; i++) {
      if ((await queue.getJobState(screeningJobId(id))) === 'completed') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const job = await queue.getJob(screeningJobId(id));
    expect(job?.attemptsMade).toBe(2);
    expect(job?.returnvalue).toMatchObject({ outcome: 'already-recorded' });
  } finally {
    await queue.close();
  }
}
