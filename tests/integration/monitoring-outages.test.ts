import { MONITORING_CHUNK } from '@sanctions/shared/monitoring';
import { start as startWorker, type RunningWorker } from '@sanctions/screening-worker';
import { createSeededDatabase } from '../support/list-factories';
import { alertsOfRun, designatePlantedPerson, plantMonitoredBook, unMonitoringRun } from '../support/monitored-book';
import { PostgresOutage, StoppableRedis } from '../support/outages';
import { quietLogger, testConfig, type TestDatabase } from '../support/test-stores';
import { eventually } from '../support/webhook-receiver';

/**
 * Issue 17, exactly once: Redis restarted (its jobs lost, no persistence) and Postgres gone (every connection cut) in
 * the middle of one monitoring run. The run must still end `done` with every alert made once. The outages start from
 * the worker's after-chunk hook, so they fall between chunks every time, whatever the machine's speed.
 */
const PLANTED = 4 * MONITORING_CHUNK - 500;
const UNRELATED = 500;

let db: TestDatabase;
let redis: StoppableRedis;
let proxy: PostgresOutage;
let worker: RunningWorker;
const seen: string[] = [];
let chunks = 0;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const run = () => unMonitoringRun(db.pool);

beforeAll(async () => {
  db = await createSeededDatabase();
  redis = await StoppableRedis.start();
  const front = await PostgresOutage.inFrontOf(db.url);
  proxy = front.proxy;
  await plantMonitoredBook(db.pool, PLANTED, UNRELATED);
  const config = testConfig(front.url, {
    REDIS_URL: redis.url,
    RECONCILE_INTERVAL_MS: '300',
    WORKER_LOCK_DURATION_MS: '2000',
    WORKER_STALLED_INTERVAL_MS: '500',
  });
  worker = await startWorker(config, quietLogger, {
    monitoring: {
      afterChunk: async () => {
        chunks += 1;
        if (chunks === 1) {
          // Redis restarted without persistence: the run's job, its lock and the queue are gone with it.
          seen.push('redis down');
          await redis.stop();
          await sleep(1_000);
          await redis.start();
        } else if (chunks === 2) {
          // Postgres gone: the next chunk's queries fail; it comes back while the run's job waits for its retry.
          seen.push('postgres down');
          await proxy.stop();
          setTimeout(() => void proxy.start().then(() => seen.push('postgres back')), 1_500);
        }
      },
    },
  });
  // The customer index is built before the version lands, so the run finds the whole book.
  await worker.monitoring.customers.current();
}, 180_000);

afterAll(async () => {
  await worker?.stop();
  await proxy?.stop();
  await redis?.stop();
  await db?.drop();
});

it('a run that lives through a Redis restart and a Postgres outage ends done, with every alert made once', async () => {
  await designatePlantedPerson(db.pool, 'outages-1');
  const done = await eventually(
    async () => {
      const r = await run();
      return r?.status === 'done' && r;
    },
    120_000,
    'the run done',
  );
  // Both outages happened mid-run, and the run needed more chunks after them.
  expect(seen).toEqual(['redis down', 'postgres down', 'postgres back']);
  expect(chunks).toBeGreaterThanOrEqual(4);

  expect(done).toMatchObject({ alerts: PLANTED, error: null });
  expect(await alertsOfRun(db.pool, done.id)).toEqual({ alerts: PLANTED, customers: PLANTED, planted: PLANTED });
}, 240_000);
