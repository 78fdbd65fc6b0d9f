/**
 * npm run bench:api — single screenings as a client sees them: `POST /v1/screenings?wait=true` with varied names
 * (yente negatives and variations of listed names) from closed-loop clients, against the real API and worker
 * processes on the real Postgres and Redis, with OFAC SDN + Consolidated + UN loaded. Prints p50/p99 and answers/s per
 * concurrency level, the CPU each process (the database's Postgres backends, the Redis server and this client too) spent
 * per screening, and checks that every answered screening is stored as answered (status, decision, matches). The Redis
 * figure is the server's whole CPU: on a Redis shared with other work it counts that work too.
 *
 * Before/after in one window: BENCH_SERVICE_DIRS names several checkouts (each built with `npm run build`); each runs
 * on its own copy of the loaded database, in turn, BENCH_ROUNDS times, with the same names.
 *
 * Env: BENCH_API_CONCURRENCY ("1,32"), BENCH_API_REQUESTS (requests per level, "2000,8000"), BENCH_API_WARMUP (400 per
 * level), BENCH_WORKERS (screening worker processes, 1), BENCH_LAYOUT (processes: API, workers and the webhooks worker
 * as separate processes; standalone: `npm start`'s one process), BENCH_SERVICE_DIRS (default this checkout),
 * BENCH_ROUNDS (1), BENCH_TRACE=1 (count each process's Postgres queries and Redis commands per screening, see
 * lib/round-trip-tracer.ts), BENCH_CPU_PROF (a folder: the service processes write `--cpu-prof` profiles there),
 * BENCH_ANALYZE=0 (leave the loaded lists without planner statistics; by default the tables holding rows are analyzed), SHARED_DATA_DIR, DATABASE_URL (a server to create scratch databases on; default 127.0.0.1:5432), REDIS_URL
 * (default 127.0.0.1:6379). The service's own settings (WORKER_CONCURRENCY, DATABASE_POOL_MAX…) pass through.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { Client } from 'pg';
import { importList } from '../shared/src/lists';
import { openList, type ImportFormat } from '../shared/src/lists/importers';
import { analyzeFilledTables } from './lib/analyze-filled-tables';
import { dataDir, loadBenchLists } from './lib/list-reader';
import { openMigratedScratch } from './lib/scratch-database';
import {
  startServiceProcesses,
  type RunningServiceProcesses,
  type ServiceProcess as SpawnedProcess,
} from './lib/service-processes';
import { latencyFigures, runClosedLoop, screeningNames, type Answer, type LatencyFigures } from './lib/screening-load';

const REPO = path.resolve(__dirname, '../../..');
const SERVER = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REDIS = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
const CONCURRENCY = (process.env['BENCH_API_CONCURRENCY'] ?? '1,32').split(',').map(Number);
const REQUESTS = (process.env['BENCH_API_REQUESTS'] ?? '2000,8000').split(',').map(Number);
const WARM_UP = Number(process.env['BENCH_API_WARMUP'] ?? 400);
const WORKERS = Number(process.env['BENCH_WORKERS'] ?? 1);
const LAYOUT = process.env['BENCH_LAYOUT'] ?? 'processes';
const SERVICE_DIRS = (process.env['BENCH_SERVICE_DIRS'] ?? REPO).split(',').map((d) => path.resolve(d));
const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 1);
const TRACE = process.env['BENCH_TRACE'] === '1';
const CPU_PROF = process.env['BENCH_CPU_PROF'];
const TRACER = path.join(__dirname, 'lib', 'round-trip-tracer.js');
const API_KEY = `bench-${randomBytes(16).toString('hex')}`;

const LISTS: [ImportFormat, string][] = [
  ['ofac-sdn-csv', 'ofac_sdn/2024-05-03/sdn.csv'],
  ['ofac-cons-csv', 'ofac_consolidated/cons_prim.csv'],
  ['un-xml', 'un_consolidated/consolidated.xml'],
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ms = (n: number) => `${n.toFixed(2)} ms`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

async function adminQuery(sql: string): Promise<void> {
  const c = new Client({ connectionString: SERVER });
  await c.connect();
  await c.query(sql);
  await c.end();
}

function databaseUrl(name: string): string {
  const u = new URL(SERVER);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Linux's USER_HZ; /proc times are in these ticks. */
const CLOCK_TICKS = 100;

/** CPU seconds a process has used (user + system, the kernel's share of its socket writes included), from /proc. */
async function cpuSecondsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / CLOCK_TICKS;
}

/** The Postgres backends serving one database: their CPU is the screenings' too. */
async function backendPids(database: string): Promise<number[]> {
  const c = new Client({ connectionString: SERVER });
  await c.connect();
  const { rows } = await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [database]);
  await c.end();
  return rows.map((r) => r.pid);
}

/** CPU seconds used by each service process and, together, by the database's Postgres backends (read on the same host). */
async function cpuSnapshot(processes: ServiceProcess[], database: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const p of processes) out.set(p.role, await cpuSecondsOf(p.child.pid!));
  let postgres = 0;
  for (const pid of await backendPids(database)) postgres += await cpuSecondsOf(pid);
  out.set('postgres', postgres);
  out.set('redis', await redisCpuSeconds());
  const client = process.cpuUsage();
  out.set('client', (client.user + client.system) / 1e6);
  return out;
}

/** CPU seconds the Redis server has used (all its clients': on a shared server other work counts too). */
async function redisCpuSeconds(): Promise<number> {
  const redis = new Redis(REDIS, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const info = await redis.info('cpu');
    const value = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, 'm').exec(info)?.[1] ?? 0);
    return value('used_cpu_user') + value('used_cpu_sys');
  } finally {
    redis.disconnect();
  }
}

/** What one service process is, for the trace table. */
interface ServiceProcess extends SpawnedProcess {
  traceFile?: string;
}

/** Set by SIGINT/SIGTERM: the clients stop, then the service is stopped and the databases dropped as after a run. */
let interrupted = false;
const stopped = () => interrupted;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    console.error(`${signal}: stopping the clients and the service, then dropping the databases`);
    interrupted = true;
    process.exitCode = 130;
  });
}

/** The tracer and CPU profile options of one service process, by role (BENCH_TRACE, BENCH_CPU_PROF). */
function processOptions(role: string, dir: string, traceDir: string): { nodeArgs: string[]; env: NodeJS.ProcessEnv } {
  const traceFile = TRACE ? traceFileOf(traceDir, role) : undefined;
  const nodeArgs = [
    ...(TRACE ? ['--require', TRACER] : []),
    ...(CPU_PROF
      ? [
          '--cpu-prof',
          '--cpu-prof-dir',
          path.resolve(CPU_PROF),
          '--cpu-prof-name',
          `${role}-${path.basename(dir)}-${Date.now()}.cpuprofile`,
        ]
      : []),
  ];
  return { nodeArgs, env: traceFile ? { BENCH_TRACE_FILE: traceFile, BENCH_SERVICE_DIR: dir } : {} };
}

const traceFileOf = (traceDir: string, role: string) => path.join(traceDir, `${role}.json`);

/** Every answered screening is stored as answered: done, the same decision, the same matches in the same order. */
async function verifyStored(url: string, answers: Answer[]): Promise<{ checked: number; wrong: string[] }> {
  const answered = answers.filter((a) => a.status === 200);
  const c = new Client({ connectionString: url });
  await c.connect();
  const { rows } = await c.query<{ id: string; status: string; decision: string | null; entities: string[] }>(
    `SELECT s.id, s.status, s.decision,
            coalesce(array_agg(m.entity_id ORDER BY m.rank) FILTER (WHERE m.entity_id IS NOT NULL), '{}') AS entities
     FROM screenings s LEFT JOIN screening_matches m ON m.screening_id = s.id
     WHERE s.id = ANY($1::uuid[]) GROUP BY s.id`,
    [answered.map((a) => a.id)],
  );
  await c.end();
  const stored = new Map(rows.map((r) => [r.id, r]));
  const wrong: string[] = [];
  for (const a of answered) {
    const row = stored.get(a.id);
    if (!row) wrong.push(`${a.id}: not stored`);
    else if (row.status !== 'done' || a.screening !== 'done')
      wrong.push(`${a.id}: stored ${row.status}, answered ${a.screening}`);
    else if (row.decision !== a.decision) wrong.push(`${a.id}: stored ${row.decision}, answered ${a.decision}`);
    else if (row.entities.join(',') !== a.entityIds.join(','))
      wrong.push(`${a.id}: stored matches ${row.entities.join(',')}, answered ${a.entityIds.join(',')}`);
  }
  return { checked: answered.length, wrong };
}

interface Trace {
  role: string;
  tallies: Record<string, { count: number; totalMs: number; backendCpuMs?: number }>;
}

/** Asks each traced process for its counts since the last ask (SIGUSR2), and reads them. */
async function collectTraces(processes: ServiceProcess[]): Promise<Trace[]> {
  for (const p of processes) if (p.traceFile) p.child.kill('SIGUSR2');
  await sleep(300);
  const out: Trace[] = [];
  for (const p of processes) {
    if (!p.traceFile) continue;
    const text = await readFile(p.traceFile, 'utf8').catch(() => '{}');
    out.push({ role: p.role, tallies: JSON.parse(text) });
  }
  return out;
}

function printTraces(traces: Trace[], screenings: number): void {
  console.log(
    `\n  Per screening (${int(screenings)} screenings): calls, mean ms per call and, for Postgres statements, the backend's CPU ms per screening, by process`,
  );
  console.log('  | process | call | per screening | mean ms | backend CPU ms per screening |');
  console.log('  |---|---|---:|---:|---:|');
  for (const t of traces) {
    const entries = Object.entries(t.tallies).sort((a, b) => b[1].count - a[1].count);
    let pg = 0;
    let redis = 0;
    let backendCpu = 0;
    for (const [key, tally] of entries) {
      const per = tally.count / screenings;
      const cpu = tally.backendCpuMs === undefined ? undefined : tally.backendCpuMs / screenings;
      if (key.startsWith('pg ')) pg += per;
      else redis += per;
      backendCpu += cpu ?? 0;
      if (per >= 0.01)
        console.log(
          `  | ${t.role} | \`${key}\` | ${per.toFixed(2)} | ${(tally.totalMs / tally.count).toFixed(3)} | ${cpu === undefined ? '' : cpu.toFixed(3)} |`,
        );
    }
    console.log(
      `  | ${t.role} | **all Postgres / all Redis** | ${pg.toFixed(2)} / ${redis.toFixed(2)} | | ${backendCpu.toFixed(3)} |`,
    );
  }
}

interface LevelResult {
  dir: string;
  round: number;
  concurrency: number;
  figures: LatencyFigures;
  /** CPU milliseconds per screening, by process (and the database's Postgres backends). */
  cpuMs: Map<string, number>;
  checked: number;
  wrong: number;
}

/** One checkout's service on its own copy of the loaded database: every concurrency level, warm-up first. */
async function runService(dir: string, round: number, template: string, names: string[]): Promise<LevelResult[]> {
  const dbName = `${template}_run_${randomBytes(3).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${dbName} TEMPLATE ${template}`);
  const url = databaseUrl(dbName);
  const traceDir = await mkdtemp(path.join(os.tmpdir(), 'bench-api-trace-'));
  let service: RunningServiceProcesses | undefined;
  try {
    service = await startServiceProcesses({
      dir,
      databaseUrl: url,
      redisUrl: REDIS,
      apiKey: API_KEY,
      name: 'bench-api',
      layout: LAYOUT === 'standalone' ? 'standalone' : 'processes',
      workers: WORKERS,
      webhooksWorker: true,
      // The bench's one key sends far more than the default 6000 a minute: measure throughput, not the limit.
      env: { RATE_LIMIT_PER_MINUTE: '1000000' },
      perProcess: (role) => processOptions(role, dir, traceDir),
    });
    const { base } = service;
    const processes: ServiceProcess[] = service.processes.map((p) => ({
      ...p,
      ...(TRACE && { traceFile: traceFileOf(traceDir, p.role) }),
    }));
    // The first screening waits for the workers' index; it is not measured.
    await runClosedLoop(base, API_KEY, ['warm up'], 1, stopped);

    const results: LevelResult[] = [];
    let offset = 0;
    for (const [i, concurrency] of CONCURRENCY.entries()) {
      const count = REQUESTS[i] ?? REQUESTS[REQUESTS.length - 1]!;
      if (interrupted) break;
      await runClosedLoop(base, API_KEY, names.slice(offset, offset + WARM_UP), concurrency, stopped);
      offset += WARM_UP;
      await collectTraces(processes);
      const cpuBefore = await cpuSnapshot(processes, dbName);
      const { answers, wallMs } = await runClosedLoop(
        base,
        API_KEY,
        names.slice(offset, offset + count),
        concurrency,
        stopped,
      );
      offset += count;
      // Backends that ended during the run took their CPU with them; the pool keeps its connections, so few do.
      const cpuAfter = await cpuSnapshot(processes, dbName);
      const cpuMs = new Map(
        [...cpuAfter].map(([role, s]) => [role, ((s - (cpuBefore.get(role) ?? 0)) * 1000) / answers.length]),
      );
      const traces = await collectTraces(processes);
      const figures = latencyFigures(answers, wallMs);
      const { checked, wrong } = await verifyStored(url, answers);
      for (const w of wrong.slice(0, 5)) console.error(`  not stored as answered: ${w}`);
      console.log(
        `${path.basename(dir)} round ${round} concurrency ${concurrency}: p50 ${ms(figures.p50)}, p99 ${ms(figures.p99)}, ${int(figures.answersPerSecond)} answers/s, ` +
          `max ${ms(figures.max)} (${figures.over400} over 400 ms), ${figures.notReady} not ready (202), ${checked - wrong.length}/${checked} stored as answered`,
      );
      console.log(`  CPU ms per screening: ${[...cpuMs].map(([role, v]) => `${role} ${v.toFixed(2)}`).join(', ')}`);
      if (TRACE) printTraces(traces, answers.length);
      results.push({ dir, round, concurrency, figures, cpuMs, checked, wrong: wrong.length });
    }
    return results;
  } finally {
    await service?.stop();
    await adminQuery(`DROP DATABASE ${dbName} WITH (FORCE)`).catch((e: unknown) =>
      console.error('could not drop', dbName, e),
    );
    await rm(traceDir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const template = await openMigratedScratch('bench_api');
  try {
    const pool = template.pool;
    for (const [format, file] of LISTS) {
      const result = await importList(pool, await openList(format, path.join(dataDir(), file)));
      console.log(`loaded ${result.sourceId}: ${result.entityCount} entities, ${result.nameCount} names`);
    }
    // Planner statistics for the loaded lists, as autovacuum would gather them soon after an import (it is off on this
    // machine's server, and a database copied from a template starts with no activity counts, so it would never
    // analyze). Without them the planner hashes whole tables (citations, entities) for each hit's write: decision
    // 0014. The service's empty tables are left unanalyzed, as on a fresh deployment: decision 0042.
    if (process.env['BENCH_ANALYZE'] !== '0') await analyzeFilledTables(pool);
    await pool.end();
    const { sdn, cons, un } = loadBenchLists();
    const perRun = CONCURRENCY.reduce(
      (sum, _, i) => sum + WARM_UP + (REQUESTS[i] ?? REQUESTS[REQUESTS.length - 1]!),
      0,
    );
    const names = screeningNames([...sdn, ...cons, ...un], perRun);
    const templateName = new URL(template.url).pathname.slice(1);

    const results: LevelResult[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const dir of SERVICE_DIRS)
        if (!interrupted) results.push(...(await runService(dir, round, templateName, names)));
    }

    const layout =
      LAYOUT === 'standalone'
        ? 'one process (npm start)'
        : `API, ${WORKERS} screening worker(s) and the webhooks worker as processes`;
    console.log(
      `\nPOST /v1/screenings?wait=true, closed-loop clients, ${os.cpus().length} cores, ${layout}; lists ${LISTS.map(([, f]) => f).join(', ')}`,
    );
    console.log(
      '| service | round | concurrency | requests | p50 | p99 | mean | answers/s | CPU ms per screening | hits | 202 | stored as answered |',
    );
    console.log('|---|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|');
    for (const r of results) {
      const f = r.figures;
      const total = [...r.cpuMs.values()].reduce((a, b) => a + b, 0);
      const cpu = `${total.toFixed(2)} (${[...r.cpuMs].map(([role, v]) => `${role} ${v.toFixed(2)}`).join(', ')})`;
      console.log(
        `| ${path.basename(r.dir)} | ${r.round} | ${r.concurrency} | ${int(f.requests)} | ${ms(f.p50)} | ${ms(f.p99)} | ${ms(f.mean)} | ${int(f.answersPerSecond)} | ${cpu} | ${int(f.hits)} | ${f.notReady} | ${r.checked - r.wrong}/${r.checked} |`,
      );
    }
    if (results.some((r) => r.wrong > 0)) process.exitCode = 1;
  } finally {
    await template.drop().catch((e: unknown) => console.error('could not drop the scratch database', e));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
