import { createSeededDatabase } from '../support/list-factories';
import { alertsOfRun, designatePlantedPerson, plantMonitoredBook, unMonitoringRun } from '../support/monitored-book';
import { testConfig, type TestDatabase } from '../support/test-stores';
import { eventually } from '../support/webhook-receiver';
import { screeningWorkerProcesses, type WorkerProcesses } from '../support/worker-processes';

/**
 * A real worker process killed with SIGKILL in the middle of a monitoring run: some chunks written, the job left
 * claimed in Redis. A second worker process must finish the run from its watermark with every alert made once.
 */
const PLANTED = 4_000;
const UNRELATED = 1_000;

let db: TestDatabase;
let workers: WorkerProcesses;

const run = () => unMonitoringRun(db.pool);

beforeAll(async () => {
  db = await createSeededDatabase();
  workers = await screeningWorkerProcesses(testConfig(db.url), { RECONCILE_INTERVAL_MS: '500' });
  await plantMonitoredBook(db.pool, PLANTED, UNRELATED);
}, 180_000);

afterAll(async () => {
  workers?.killAll();
  await db?.drop();
});

it('when a worker process is killed mid-run, another finishes it from the watermark and every alert is made once', async () => {
  const first = workers.start();
  // Let the first worker build its indexes before the version lands, so it takes the run at once.
  await new Promise((r) => setTimeout(r, 4_000));
  await designatePlantedPerson(db.pool, 'crash-1');
  const midway = await eventually(
    async () => {
      const r = await run();
      return r && Number(r.watermark) > 0 && r;
    },
    120_000,
    'a first chunk written',
  );
  await workers.kill(first);
  const atKill = await run();
  expect(atKill.status).toBe('running');
  expect(atKill.alerts).toBeLessThan(PLANTED);
  expect(Number(atKill.watermark)).toBeGreaterThanOrEqual(Number(midway.watermark));

  workers.start();
  const done = await eventually(
    async () => {
      const r = await run();
      return r.status === 'done' && r;
    },
    120_000,
    'the run done',
  );
  expect(done.alerts).toBe(PLANTED);
  expect(await alertsOfRun(db.pool, done.id)).toEqual({ alerts: PLANTED, customers: PLANTED, planted: PLANTED });
}, 300_000);
