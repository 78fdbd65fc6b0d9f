import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { start as startApi, type RunningApi } from '@sanctions/api';
import { REPO_ROOT } from '@sanctions/shared/config';
import { createQueue, QUEUE_NAMES } from '@sanctions/shared/queues';
import { call } from '../support/http';
import { createSeededDatabase } from '../support/list-factories';
import { quietLogger, testConfig, TEST_API_KEY, type TestDatabase } from '../support/test-stores';

/**
 * A real worker process killed with SIGKILL in the middle of a batch: no graceful shutdown, chunk
 * jobs left claimed in Redis, a transaction possibly cut off. A second worker process must finish
 * the batch with every row's result written once and every planted match reported.
 */
const ROWS = 30_000;
const PLANTED_EVERY = 1_000;
const WORKER_MAIN = path.join(REPO_ROOT, 'workers/screening/dist/main.js');

let db: TestDatabase;
let api: RunningApi;
let env: NodeJS.ProcessEnv;
const workers: ChildProcess[] = [];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, [WORKER_MAIN], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  workers.push(child);
  return child;
}

async function batchView(id: string) {
  return (await call(api.url, 'GET', `/v1/batches/${id}`)).body;
}

beforeAll(async () => {
  // The worker runs as compiled JavaScript, as in production; tsc -b is a no-op when it is up to date.
  await promisify(execFile)(process.execPath, [path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'workers/screening'], { cwd: REPO_ROOT });
  db = await createSeededDatabase();
  const config = testConfig(db.url);
  api = await startApi(config, quietLogger);
  env = {
    ...process.env,
    DATABASE_URL: db.url,
    DATABASE_POOL_MAX: '4',
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: config.queuePrefix,
    LOG_LEVEL: 'error',
    // A dead worker's claimed chunks go back to the queue after 2 s instead of 30 s.
    WORKER_LOCK_DURATION_MS: '2000',
    WORKER_STALLED_INTERVAL_MS: '500',
  };
}, 180_000);

afterAll(async () => {
  for (const child of workers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await api?.stop();
  await db?.drop();
});

it('when a worker process is killed mid-batch, another finishes it and every row is written and counted once', async () => {
  const lines = ['name,reference'];
  for (let i = 1; i <= ROWS; i++) lines.push(i % PLANTED_EVERY === 0 ? `Sense Time Group,planted-${i}` : `Customer Number ${i},C-${i}`);
  const res = await fetch(`${api.url}/v1/batches`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TEST_API_KEY}`, 'content-type': 'text/csv' },
    body: lines.join('\n'),
  });
  expect(res.status).toBe(202);
  const { id } = (await res.json()) as { id: string };

  const first = startWorkerProcess();
  let view = await batchView(id);
  for (let i = 0; i < 600 && view.processed === 0; i++) {
    await sleep(50);
    view = await batchView(id);
  }
  expect(view.processed).toBeGreaterThan(0);
  first.kill('SIGKILL');
  await new Promise((resolve) => first.once('exit', resolve));
  const atKill = await batchView(id);
  expect(atKill.status).toBe('running');
  expect(atKill.processed).toBeLessThan(ROWS);

  const queue = createQueue(QUEUE_NAMES.batchChunks, env.REDIS_URL!, env.QUEUE_PREFIX!);
  try {
    // The dead worker still holds chunks in Redis: they are the ones the next worker must take over.
    expect(await queue.getActiveCount()).toBeGreaterThan(0);
  } finally {
    await queue.close();
  }

  startWorkerProcess();
  view = await batchView(id);
  for (let i = 0; i < 1200 && view.status !== 'done'; i++) {
    await sleep(50);
    view = await batchView(id);
  }
  expect(view).toMatchObject({ status: 'done', total: ROWS, processed: ROWS, hits: ROWS / PLANTED_EVERY, invalidRows: 0 });

  const { rows } = await db.pool.query(
    `SELECT count(*)::int AS results, count(*) FILTER (WHERE decision = 'hit')::int AS hits,
            count(*) FILTER (WHERE decision = 'hit' AND entity_id = 'seed:ofac-33114')::int AS planted
     FROM batch_results WHERE batch_id = $1`,
    [id],
  );
  expect(rows[0]).toEqual({ results: ROWS, hits: ROWS / PLANTED_EVERY, planted: ROWS / PLANTED_EVERY });
}, 180_000);
