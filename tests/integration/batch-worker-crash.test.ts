import { start as startApi, type RunningApi } from '@sanctions/api';
import type { AppConfig } from '@sanctions/shared/config';
import { createQueue, QUEUE_NAMES } from '@sanctions/shared/queues';
import { call } from '../support/http';
import { createSeededDatabase } from '../support/list-factories';
import { quietLogger, testConfig, TEST_API_KEY, type TestDatabase } from '../support/test-stores';
import { screeningWorkerProcesses, type WorkerProcesses } from '../support/worker-processes';

/**
 * A real worker process killed with SIGKILL in the middle of a batch: no graceful shutdown, chunk
 * jobs left claimed in Redis, a transaction possibly cut off. A second worker process must finish
 * the batch with every row's result written once and every planted match reported.
 */
const ROWS = 30_000;
const PLANTED_EVERY = 1_000;

let db: TestDatabase;
let api: RunningApi;
let workers: WorkerProcesses;
let config: AppConfig;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function batchView(id: string) {
  return (await call(api.url, 'GET', `/v1/batches/${id}`)).body;
}

beforeAll(async () => {
  db = await createSeededDatabase();
  config = testConfig(db.url);
  api = await startApi(config, quietLogger);
  workers = await screeningWorkerProcesses(config);
}, 180_000);

afterAll(async () => {
  workers?.killAll();
  await api?.stop();
  await db?.drop();
});

it('when a worker process is killed mid-batch, another finishes it and every row is written and counted once', async () => {
  const lines = ['name,reference'];
  for (let i = 1; i <= ROWS; i++)
    lines.push(i % PLANTED_EVERY === 0 ? `Sense Time Group,planted-${i}` : `Customer Number ${i},C-${i}`);
  const res = await fetch(`${api.url}/v1/batches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'text/csv' },
    body: lines.join('\n'),
  });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };

  const first = workers.start();
  let view = await batchView(id);
  for (let i = 0; i < 600 && view.processed === 0; i++) {
    await sleep(50);
    view = await batchView(id);
  }
  expect(view.processed).toBeGreaterThan(0);
  await workers.kill(first);
  const atKill = await batchView(id);
  expect(atKill.status).toBe('running');
  expect(atKill.processed).toBeLessThan(ROWS);

  const queue = createQueue(QUEUE_NAMES.batchChunks, config.redisUrl!, config.queuePrefix);
  try {
    // The dead worker still holds chunks in Redis: they are the ones the next worker must take over.
    expect(await queue.getActiveCount()).toBeGreaterThan(0);
  } finally {
    await queue.close();
  }

  workers.start();
  view = await batchView(id);
  for (let i = 0; i < 1200 && view.status !== 'done'; i++) {
    await sleep(50);
    view = await batchView(id);
  }
  expect(view).toMatchObject({
    status: 'done',
    total: ROWS,
    processed: ROWS,
    hits: ROWS / PLANTED_EVERY,
    invalidRows: 0,
  });

  const { rows } = await db.pool.query(
    `SELECT count(*)::int AS results, count(*) FILTER (WHERE decision = 'hit')::int AS hits,
            count(*) FILTER (WHERE decision = 'hit' AND entity_id = 'seed:ofac-33114')::int AS planted
     FROM batch_results WHERE batch_id = $1`,
    [id],
  );
  expect(rows[0]).toEqual({ results: ROWS, hits: ROWS / PLANTED_EVERY, planted: ROWS / PLANTED_EVERY });
}, 180_000);
