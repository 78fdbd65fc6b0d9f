import { execFile, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '@sanctions/shared/config';
import { registerCustomers } from '@sanctions/shared/customers';
import { createSeededDatabase, importEntities, listedEntity } from '../support/list-factories';
import { testConfig, type TestDatabase } from '../support/test-stores';
import { eventually } from '../support/webhook-receiver';

/**
 * A real worker process killed with SIGKILL in the middle of a monitoring run: some chunks written, the job left
 * claimed in Redis. A second worker process must finish the run from its watermark with every alert made once.
 */
const PLANTED = 4_000;
const UNRELATED = 1_000;
const WORKER_MAIN = path.join(REPO_ROOT, 'workers/screening/dist/main.js');

let db: TestDatabase;
let env: NodeJS.ProcessEnv;
const workers: ChildProcess[] = [];

function startWorkerProcess(): ChildProcess {
  const child = spawn(process.execPath, [WORKER_MAIN], { env, stdio: ['ignore', 'ignore', 'inherit'] });
  workers.push(child);
  return child;
}

const run = async () => (await db.pool.query(`SELECT id, status, watermark, alerts FROM monitoring_runs WHERE source_id = 'un-sc'`)).rows[0];

beforeAll(async () => {
  await promisify(execFile)(process.execPath, [path.join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'workers/screening'], { cwd: REPO_ROOT });
  db = await createSeededDatabase();
  const config = testConfig(db.url);
  env = {
    ...process.env,
    DATABASE_URL: db.url,
    DATABASE_POOL_MAX: '4',
    REDIS_URL: config.redisUrl,
    QUEUE_PREFIX: config.queuePrefix,
    LOG_LEVEL: 'error',
    WORKER_LOCK_DURATION_MS: '2000',
    WORKER_STALLED_INTERVAL_MS: '500',
    RECONCILE_INTERVAL_MS: '500',
  };
  // The seed's own run found no customers; it is done before the book arrives.
  await db.pool.query(`UPDATE monitoring_runs SET status = 'done', finished_at = now() WHERE status = 'queued'`);
  const customers = [
    ...Array.from({ length: PLANTED }, (_, i) => ({ reference: `planted-${i}`, name: i % 2 === 0 ? 'Ivan Petrovich Sidorovsky' : 'Sidorovsky Ivan' })),
    ...Array.from({ length: UNRELATED }, (_, i) => ({ reference: `other-${i}`, name: `Customer Number ${i}` })),
  ];
  await registerCustomers(db.pool, 'default', customers);
}, 180_000);

afterAll(async () => {
  for (const child of workers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await db?.drop();
});

it('when a worker process is killed mid-run, another finishes it from the watermark and every alert is made once', async () => {
  const first = startWorkerProcess();
  // Let the first worker build its indexes before the version lands, so it takes the run at once.
  await new Promise((r) => setTimeout(r, 4_000));
  await importEntities(db.pool, 'un-sc', [listedEntity({ sourceEntityId: 'K-1', name: 'Ivan Petrovich Sidorovsky' })], 'crash-1');
  const midway = await eventually(async () => {
    const r = await run();
    return r && Number(r.watermark) > 0 && r;
  }, 120_000, 'a first chunk written');
  first.kill('SIGKILL');
  await new Promise((resolve) => first.once('exit', resolve));
  const atKill = await run();
  expect(atKill.status).toBe('running');
  expect(atKill.alerts).toBeLessThan(PLANTED);
  expect(Number(atKill.watermark)).toBeGreaterThanOrEqual(Number(midway.watermark));

  startWorkerProcess();
  const done = await eventually(async () => {
    const r = await run();
    return r.status === 'done' && r;
  }, 120_000, 'the run done');
  expect(done.alerts).toBe(PLANTED);
  const { rows } = await db.pool.query(
    `SELECT count(*)::int AS alerts, count(DISTINCT customer_reference)::int AS customers,
            count(*) FILTER (WHERE customer_reference LIKE 'planted-%')::int AS planted
     FROM alerts WHERE run_id = $1`,
    [done.id],
  );
  expect(rows[0]).toEqual({ alerts: PLANTED, customers: PLANTED, planted: PLANTED });
}, 300_000);
