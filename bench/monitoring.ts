/**
 * npm run bench:monitoring — ongoing monitoring on a book of a million customers: the customers are registered in
 * bulk, a real screening worker (in this process) builds its list and customer indexes, then the 2021-12-09 →
 * 2021-12-10 SDN delta (the 25 Human Rights Day designations) is activated and the monitoring run it makes is timed
 * until done with its alerts written. The peer, measured in the same run on the same index: a full rescreen of every
 * customer (read from Postgres and screened forward, writing nothing), which is what monitoring replaces.
 *
 * Env: BENCH_MONITORING_CUSTOMERS (1000000), BENCH_MONITORING_PLANTED (300), SHARED_DATA_DIR, DATABASE_URL (a server
 * to create a scratch database on; default 127.0.0.1:5432), REDIS_URL (default 127.0.0.1:6379).
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { loadConfig } from '../shared/src/config';
import { registerCustomers } from '../shared/src/customers';
import { mergeByDesignation } from '../shared/src/designations';
import { importList, type ListedEntity } from '../shared/src/lists';
import { openList } from '../shared/src/lists/importers';
import { createLogger } from '../shared/src/logging';
import { channels, createRedis } from '../shared/src/queues';
import { start as startWorker } from '../workers/screening/src/main';
import { generateCustomers, type GeneratedCustomer } from './lib/customer-generator';
import { dataDir } from './lib/list-reader';
import { openMigratedScratch } from './lib/scratch-database';

const CUSTOMERS = Number(process.env['BENCH_MONITORING_CUSTOMERS'] ?? 1_000_000);
const PLANTED = Number(process.env['BENCH_MONITORING_PLANTED'] ?? 300);
const REDIS = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const LOAD_BATCH = 20_000;
const RESCREEN_PAGE = 20_000;

const sdn = (date: string) => openList('ofac-sdn-csv', path.join(dataDir(), 'ofac_sdn', date, 'sdn.csv'));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rssMb = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().rss / 1024 / 1024;
};

async function entitiesOf(date: string): Promise<ListedEntity[]> {
  const list = await sdn(date);
  const out: ListedEntity[] = [];
  for await (const e of list.entities) out.push(e);
  return out;
}

/** Customers whose names are the delta's names as customer files write them: as listed, reordered, with a typo. */
function plantedCustomers(added: ListedEntity[], count: number): GeneratedCustomer[] {
  const names = added.flatMap((e) =>
    e.names.filter((n) => n.kind !== 'original_script').map((n) => ({ name: n.value, type: e.type })),
  );
  const out: GeneratedCustomer[] = [];
  for (let i = 0; out.length < count; i++) {
    const { name, type } = names[i % names.length]!;
    const words = name.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
    const round = Math.floor(i / names.length) % 3;
    const variant =
      round === 0
        ? name
        : round === 1
          ? [...words].reverse().join(' ')
          : words.map((w, k) => (k === 0 && w.length > 4 ? w.slice(0, 2) + w[3] + w[2] + w.slice(4) : w)).join(' ');
    out.push({ reference: `P-${out.length}`, name: variant, type });
  }
  return out;
}

async function main(): Promise<void> {
  const scratch = await openMigratedScratch('bench_monitoring', { poolSize: 8 });
  const pool = scratch.pool;
  const redis = createRedis(REDIS);
  const prefix = `{bench-monitoring-${randomBytes(4).toString('hex')}}`;
  let worker: Awaited<ReturnType<typeof startWorker>> | undefined;
  try {
    await importList(pool, await sdn('2021-12-09'));
    // The first version's run covers the whole list against the customers monitored then: none, as the book is
    // registered after it. Recorded as such, so the worker's first run is the delta's.
    await pool.query(
      `UPDATE monitoring_runs SET status = 'done', entities = 0, customers = 0, started_at = now(), finished_at = now() WHERE status = 'queued'`,
    );
    const before = new Set((await entitiesOf('2021-12-09')).map((e) => e.sourceEntityId));
    const added = (await entitiesOf('2021-12-10')).filter((e) => !before.has(e.sourceEntityId));

    let started = Date.now();
    const planted = plantedCustomers(added, PLANTED);
    let batch: GeneratedCustomer[] = [...planted];
    for (const c of generateCustomers(dataDir(), CUSTOMERS - planted.length)) {
      batch.push(c);
      if (batch.length >= LOAD_BATCH) {
        await registerCustomers(pool, 'default', batch);
        batch = [];
      }
    }
    if (batch.length > 0) await registerCustomers(pool, 'default', batch);
    const loadSeconds = (Date.now() - started) / 1000;

    const config = loadConfig({
      NODE_ENV: 'production',
      DATABASE_URL: scratch.url,
      REDIS_URL: REDIS,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'warn',
    });
    const rssStart = rssMb();
    // At info, the worker logs its index builds and the run's phases (reverse look-up, screening, writes) on stdout.
    worker = await startWorker(config, createLogger('info', { process: 'bench-worker' }));
    const lists = await worker.indexCache.current();
    const rssLists = rssMb();
    started = Date.now();
    const customerIndex = await worker.monitoring.customers.current();
    const indexSeconds = (Date.now() - started) / 1000;
    const rssCustomers = rssMb();

    // The delta: activated by the import, announced as every import path announces it.
    const imported = await importList(pool, await sdn('2021-12-10'));
    const activatedAt = Date.now();
    await redis.publish(channels(prefix).listVersionChanged, 'ofac-sdn');
    let run: { id: string; status: string; alerts: number; entities: number } | undefined;
    for (;;) {
      run = (
        await pool.query(
          `SELECT id, status, alerts, entities FROM monitoring_runs WHERE source_id = 'ofac-sdn' AND version = $1`,
          [imported.version],
        )
      ).rows[0];
      if (run && (run.status === 'done' || run.status === 'failed')) break;
      await sleep(10);
    }
    const doneAt = Date.now();
    const seconds = (doneAt - activatedAt) / 1000;
    if (run.status !== 'done') throw new Error(`The monitoring run failed`);
    // What comes before the new list index is built is the rebuild every screening worker does after an activation;
    // what comes after is the run's own work.
    const loaded = await worker.indexCache.current();
    const runOwn = (doneAt - loaded.builtAt.getTime()) / 1000;
    const rebuildSeconds = loaded.buildMs / 1000;

    // The peer: every customer read back and screened forward against the same list index.
    const deltaIds = new Set(
      (
        await pool.query(`SELECT entity_id FROM list_version_changes WHERE version_id = $1`, [imported.versionId])
      ).rows.map((r) => r.entity_id),
    );
    started = Date.now();
    let rescreenHits = 0;
    let rescreenDeltaHits = 0;
    for (let after = 0; ;) {
      const { rows } = await pool.query(
        `SELECT id, name, entity_type, birth_date, country FROM customers WHERE monitored AND id > $1 ORDER BY id LIMIT $2`,
        [after, RESCREEN_PAGE],
      );
      for (const r of rows) {
        const query = {
          name: r.name,
          ...(r.entity_type && { type: r.entity_type }),
          ...(r.birth_date && { birthDate: r.birth_date }),
          ...(r.country && { country: r.country }),
        };
        const matches = mergeByDesignation(
          loaded.index.screen(query, { threshold: config.matching.threshold ?? 0.83, limit: config.matching.limit }),
          loaded.designations,
        );
        if (matches.length > 0) rescreenHits++;
        if (matches.some((m) => m.entityIds.some((id) => deltaIds.has(id)))) rescreenDeltaHits++;
      }
      if (rows.length < RESCREEN_PAGE) break;
      after = Number(rows[rows.length - 1].id);
    }
    const fullRescreenSeconds = (Date.now() - started) / 1000;

    console.log(
      `Node ${process.version}; ${CUSTOMERS.toLocaleString('en-US')} customers (${PLANTED} planted on the delta), lists ${lists.key} → ${loaded.key}`,
    );
    console.log(`| step | figure |\n|---|---|`);
    console.log(`| register customers (unnest, ${LOAD_BATCH} a statement) | ${loadSeconds.toFixed(1)} s |`);
    console.log(
      `| build the customer index | ${indexSeconds.toFixed(1)} s, ${(customerIndex.memoryBytes() / 1024 / 1024).toFixed(0)} MB of index structures |`,
    );
    console.log(
      `| RSS: worker with the list index / plus the customer index | ${(rssLists - rssStart).toFixed(0)} MB / ${(rssCustomers - rssLists).toFixed(0)} MB more (${rssCustomers.toFixed(0)} MB in all) |`,
    );
    console.log(
      `| monitoring run: activation → done, alerts written | ${seconds.toFixed(2)} s, ${run.alerts} alerts on ${run.entities} delta entities |`,
    );
    console.log(
      `| of which the list index rebuild / the run once it is built | ${rebuildSeconds.toFixed(2)} s / ${runOwn.toFixed(2)} s |`,
    );
    console.log(
      `| full rescreen of every customer (screening only, nothing written) | ${fullRescreenSeconds.toFixed(1)} s, ${rescreenHits} hits, ${rescreenDeltaHits} on the delta |`,
    );
    console.log(
      JSON.stringify({
        customers: CUSTOMERS,
        deltaEntities: run.entities,
        seconds: Number(seconds.toFixed(2)),
        fullRescreenSeconds: Number(fullRescreenSeconds.toFixed(1)),
        alerts: run.alerts,
      }),
    );
  } finally {
    await worker?.stop().catch(() => undefined);
    await redis.quit().catch(() => undefined);
    await scratch.drop().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
