/**
 * npm run bench:batch — batch screening end to end: a customer CSV of synthetic people (the yente
 * benchmark's negatives) with planted variations of our seed entities, uploaded over HTTP to the real
 * API process, chunked on BullMQ, screened by real worker processes against OFAC SDN + Consolidated +
 * UN in Postgres, and read back through the API. The peer, measured in the same run on the same
 * service: the same rows sent one at a time to POST /v1/screenings, as a client of a service
 * without a bulk endpoint must.
 *
 * Env: BENCH_BATCH_ROWS (100000,1000000), BENCH_WORKERS (worker processes, 2), BENCH_PEER_ROWS (2000),
 * SHARED_DATA_DIR, DATABASE_URL (a server to create a scratch database on; default 127.0.0.1:5432),
 * REDIS_URL (default 127.0.0.1:6379). Run `npm run build` first (the script does).
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { once } from 'node:events';
import { isBatchFinished } from '../shared/src/batches';
import { createPool } from '../shared/src/db';
import { importList, type SeedDataset } from '../shared/src/lists';
import { openList, type ImportFormat } from '../shared/src/lists/importers';
import { dataDir, readCsvObjects } from './lib/list-reader';
import { openMigratedScratch } from './lib/scratch-database';
import { startServiceProcesses, type RunningServiceProcesses } from './lib/service-processes';

const REPO = path.resolve(__dirname, '../../..');
const ROW_COUNTS = (process.env['BENCH_BATCH_ROWS'] ?? '100000,1000000').split(',').map(Number);
const WORKERS = Number(process.env['BENCH_WORKERS'] ?? 2);
const PEER_ROWS = Number(process.env['BENCH_PEER_ROWS'] ?? 2_000);
const PEER_CONCURRENCY = 8;
const PLANT_EVERY = 1_000;
const REDIS = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
/** Linux's USER_HZ; /proc times are in these ticks. */
const CLOCK_TICKS = 100;
const API_KEY = `bench-${randomBytes(16).toString('hex')}`;
/**
 * `--suppressions N`: the first size only, run without and with N live suppressions in the table, back to back in this
 * process, twice (without, with, without, with), so a loaded machine weighs on both alike.
 */
const SUPPRESSIONS = (() => {
  const at = process.argv.indexOf('--suppressions');
  return at > 0 ? Number(process.argv[at + 1]) : 0;
})();

/**
 * N live suppressions on the odd customer references C00000001, C00000003, ..: half on the batch's own rows, half on
 * other customers of the workspace (references past the file's last row), each on one of a thousand listed records as
 * listed now, so every chunk's lookup finds rows. Planted rows are even lines, so the planted hits stay hits.
 */
const INSERT_BENCH_SUPPRESSIONS = `
  WITH e AS (SELECT array_agg(id) AS ids, array_agg(content_hash) AS hashes FROM (SELECT id, content_hash FROM entities ORDER BY id LIMIT 1000) x)
  INSERT INTO suppressions (id, workspace_id, reference, customer_key, entity_id, entity_hash, note)
  SELECT gen_random_uuid(), 'default', 'C' || lpad((2 * g - 1)::text, 8, '0'), 'ref:C' || lpad((2 * g - 1)::text, 8, '0'),
         e.ids[1 + g % 1000], e.hashes[1 + g % 1000], 'bench'
  FROM generate_series(1, $1::int) g, e`;

/** The bench's suppressions are taken out again for the next run without them. */
const DELETE_BENCH_SUPPRESSIONS = `DELETE FROM suppressions WHERE note = 'bench'`;

const LISTS: [ImportFormat, string][] = [
  ['ofac-sdn-csv', 'ofac_sdn/2024-05-03/sdn.csv'],
  ['ofac-cons-csv', 'ofac_consolidated/cons_prim.csv'],
  ['un-xml', 'un_consolidated/consolidated.xml'],
];

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const int = (n: number) => Math.round(n).toLocaleString('en-US');

async function memoryOf(pid: number): Promise<{ rssKb: number; peakKb: number }> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rssKb: field('VmRSS'), peakKb: field('VmHWM') };
}

/** CPU seconds a process has used (user + system), from /proc/<pid>/stat. */
async function cpuSecondsOf(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => '');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11] ?? 0) + Number(fields[12] ?? 0)) / CLOCK_TICKS;
}

/** Samples a process's resident memory every 50 ms until stopped; resolves to the peak seen. */
function sampleRss(pid: number): { stop: () => Promise<number> } {
  let sampling = true;
  let peak = 0;
  const done = (async () => {
    while (sampling) {
      peak = Math.max(peak, (await memoryOf(pid)).rssKb);
      await sleep(50);
    }
    return peak;
  })();
  return {
    stop: () => {
      sampling = false;
      return done;
    },
  };
}

/** A planted row: a seed entity's name as a customer file would carry it, with the list entity it must hit. */
interface Planted {
  name: string;
  expected: string;
}

function plantedNames(seed: SeedDataset, listed: Set<string>): Planted[] {
  const out: Planted[] = [];
  for (const e of seed.entities) {
    const entNum = e.sourceEntityId.replace(/^ofac-/, '');
    const expected = [`ofac-sdn:${entNum}`, `ofac-cons:${entNum}`].find((id) => listed.has(id));
    const name = e.names.find((n) => n.kind === 'primary')?.value;
    if (!expected || !name) continue;
    const natural = name.includes(',') ? name.replace(/^([^,]+),\s*(.+)$/, '$2 $1') : name;
    const lower = natural.toLowerCase();
    // A typo: two letters of the longest word swapped.
    const words = natural.split(' ');
    const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
    const at = Math.floor(longest.length / 2);
    const typo = natural.replace(
      longest,
      longest.slice(0, at - 1) + (longest[at] ?? '') + (longest[at - 1] ?? '') + longest.slice(at + 1),
    );
    for (const variant of [natural, lower, typo]) out.push({ name: variant, expected });
  }
  return out;
}

const csvField = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A synthetic customer: a yente negative with the columns a core banking export carries. */
interface Person {
  name: string;
  birthDate: string;
  nationality: string;
  gender: string;
  birthPlace: string;
}

/**
 * Writes the customer file as a core banking export would (about 200 bytes a row); planted rows are
 * every PLANT_EVERY-th line, with no birth date or nationality, and are remembered by reference.
 */
async function writeCustomerFile(
  file: string,
  rows: number,
  people: Person[],
  planted: Planted[],
): Promise<Map<string, string>> {
  const expectedByRef = new Map<string, string>();
  const out = createWriteStream(file);
  let buffer =
    'Customer ID,Full Name,Date of Birth,Nationality,Gender,Place of Birth,Account Number,Email,Postal Address\n';
  for (let i = 1; i <= rows; i++) {
    const ref = `C${String(i).padStart(8, '0')}`;
    const account = `GB${String(i * 7919).padStart(12, '0')}00${String(i % 97).padStart(2, '0')}`;
    const address = `${(i % 300) + 1} ${['High Street', 'Station Road', 'Church Lane', 'Park Avenue', 'Mill Road'][i % 5]}, Apt ${i % 40}, ${['London', 'Leeds', 'Bristol', 'Glasgow'][i % 4]}`;
    let fields: string[];
    if (i % PLANT_EVERY === 0) {
      const p = planted[(i / PLANT_EVERY) % planted.length]!;
      expectedByRef.set(ref, p.expected);
      fields = [ref, p.name, '', '', '', '', account, `customer${i}@example.com`, address];
    } else {
      const p = people[i % people.length]!;
      fields = [
        ref,
        p.name,
        p.birthDate,
        p.nationality,
        p.gender,
        p.birthPlace,
        account,
        `customer${i}@example.com`,
        address,
      ];
    }
    buffer += fields.map(csvField).join(',') + '\n';
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
  return expectedByRef;
}

async function api(base: string, method: string, route: string, body?: unknown): Promise<any> {
  const res = await fetch(base + route, {
    method,
    headers: { authorization: `Bearer ${API_KEY}`, ...(body !== undefined && { 'content-type': 'application/json' }) },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  if (res.status >= 400) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`);
  return res.json();
}

interface RunFigures {
  rows: number;
  fileMb: number;
  uploadMs: number;
  /** From the first byte sent to the first chunk recorded: screening overlaps the upload. */
  firstResultMs: number;
  /** From the upload's 202 to the last row screened. */
  tailMs: number;
  totalMs: number;
  apiPeakKb: number;
  apiBaseKb: number;
  workerPeakKb: number;
  apiCpuS: number;
  workerCpuS: number;
  downloadMs: number;
  downloadMb: number;
  apiDownloadPeakKb: number;
  hits: number;
  plantedFound: number;
  planted: number;
}

async function runBatch(
  base: string,
  apiPid: number,
  workerPids: number[],
  file: string,
  rows: number,
  expected: Map<string, string>,
): Promise<RunFigures> {
  const apiBaseKb = (await memoryOf(apiPid)).rssKb;
  const cpu = async () => ({
    api: await cpuSecondsOf(apiPid),
    workers: (await Promise.all(workerPids.map(cpuSecondsOf))).reduce((a, b) => a + b, 0),
  });
  const cpuBefore = await cpu();
  const uploadSampler = sampleRss(apiPid);

  const size = (await stat(file)).size;
  const t0 = Date.now();
  const res = await fetch(`${base}/v1/batches?filename=${path.basename(file)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'text/csv', 'content-length': String(size) },
    body: Readable.toWeb(createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  const accepted = (await res.json()) as any;
  if (res.status !== 202) throw new Error(`upload refused: ${res.status} ${JSON.stringify(accepted)}`);
  const uploadMs = Date.now() - t0;
  const apiPeakKb = Math.max(apiBaseKb, await uploadSampler.stop());

  let view = await api(base, 'GET', `/v1/batches/${accepted.id}`);
  let lastPrinted = -1;
  while (!isBatchFinished(view.status)) {
    await sleep(200);
    view = await api(base, 'GET', `/v1/batches/${accepted.id}`);
    const decile = Math.floor(view.percent / 10);
    if (decile !== lastPrinted) {
      lastPrinted = decile;
      process.stdout.write(
        `  ${rows.toLocaleString('en-US')} rows: ${view.percent.toFixed(1)}% screened, ${view.rowsPerSecond ?? 0} rows/s\n`,
      );
    }
  }
  if (view.status !== 'done') throw new Error(`batch ended ${view.status}: ${view.error}`);
  const cpuAfter = await cpu();
  const finished = Date.parse(view.finishedAt);
  const started = Date.parse(view.startedAt);
  const acceptedAt = t0 + uploadMs;

  // Every planted row must come back as a hit on its entity; read through the API, as a customer would.
  const found = new Set<string>();
  let next: string | null = `/v1/batches/${accepted.id}/results?decision=hit&limit=1000`;
  while (next) {
    const page: any = await api(base, 'GET', next);
    for (const r of page.results) {
      const want = expected.get(r.reference);
      if (want && r.matches.some((m: any) => m.entityId === want)) found.add(r.reference);
    }
    next = page.links.next;
  }
  // The whole results file, as a compliance officer downloads it.
  const downloadSampler = sampleRss(apiPid);
  const d0 = Date.now();
  const download = await fetch(`${base}/v1/batches/${accepted.id}/results`, {
    headers: { authorization: `Bearer ${API_KEY}`, accept: 'text/csv' },
  });
  let downloadBytes = 0;
  let downloadLines = 0;
  for await (const chunk of download.body as unknown as AsyncIterable<Uint8Array>) {
    downloadBytes += chunk.length;
    for (const byte of chunk) if (byte === 10) downloadLines++;
  }
  const downloadMs = Date.now() - d0;
  const apiDownloadPeakKb = await downloadSampler.stop();
  if (downloadLines !== rows + 1) throw new Error(`the results file has ${downloadLines} lines for ${rows} rows`);

  let workerPeakKb = 0;
  for (const pid of workerPids) workerPeakKb = Math.max(workerPeakKb, (await memoryOf(pid)).peakKb);

  return {
    rows,
    fileMb: size / 1024 / 1024,
    uploadMs,
    firstResultMs: started - t0,
    tailMs: finished - acceptedAt,
    totalMs: finished - t0,
    apiPeakKb,
    apiBaseKb,
    workerPeakKb,
    downloadMs,
    downloadMb: downloadBytes / 1024 / 1024,
    apiDownloadPeakKb,
    apiCpuS: cpuAfter.api - cpuBefore.api,
    workerCpuS: cpuAfter.workers - cpuBefore.workers,
    hits: view.hits,
    plantedFound: found.size,
    planted: expected.size,
  };
}

/** The peer: the same kind of rows, one POST /v1/screenings?wait=true each, eight in flight. */
async function runPeer(base: string, people: Person[]): Promise<{ rows: number; ms: number }> {
  let next = 0;
  const t0 = Date.now();
  await Promise.all(
    Array.from({ length: PEER_CONCURRENCY }, async () => {
      while (next < people.length) {
        const p = people[next++]!;
        const r = await api(base, 'POST', '/v1/screenings?wait=true', {
          name: p.name,
          ...(p.birthDate && { birthDate: p.birthDate }),
          ...(p.nationality && { country: p.nationality }),
        });
        if (r.status !== 'done') throw new Error(`screening not done in time: ${JSON.stringify(r)}`);
      }
    }),
  );
  return { rows: people.length, ms: Date.now() - t0 };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-batch-'));
  const db = await openMigratedScratch('bench_batch');
  let service: RunningServiceProcesses | undefined;
  try {
    const pool = db.pool;
    for (const [format, file] of LISTS) {
      const result = await importList(pool, await openList(format, path.join(dataDir(), file)));
      console.log(`loaded ${result.sourceId}: ${result.entityCount} entities, ${result.nameCount} names`);
    }
    const listed = new Set(
      (await pool.query<{ id: string }>('SELECT id FROM entities WHERE removed_in_version_id IS NULL')).rows.map(
        (r) => r.id,
      ),
    );
    await pool.end();

    const seed = JSON.parse(await readFile(path.join(REPO, 'seeds/human-rights-day-2021.json'), 'utf8')) as SeedDataset;
    const planted = plantedNames(seed, listed);
    const bench = path.join(dataDir(), 'benchmark_name_matching_yente');
    const people: Person[] = [
      ...readCsvObjects(path.join(bench, 'negatives_global.csv')),
      ...readCsvObjects(path.join(bench, 'negatives_us.csv')),
    ]
      .map((r) => ({
        name: r['full_name'] ?? '',
        birthDate: r['date_of_birth'] ?? '',
        nationality: r['nationality'] ?? '',
        gender: r['gender'] ?? '',
        birthPlace: r['place_of_birth'] ?? '',
      }))
      .filter((p) => p.name.trim() !== '');
    console.log(
      `planted names: ${planted.length} variants of ${new Set(planted.map((p) => p.expected)).size} seed entities; ${people.length} synthetic people`,
    );

    service = await startServiceProcesses({
      dir: REPO,
      databaseUrl: db.url,
      redisUrl: REDIS,
      apiKey: API_KEY,
      name: 'bench-batch',
      workers: WORKERS,
      env: { SCREENING_WAIT_MAX_MS: '30000' },
    });
    const { base } = service;
    const [apiProcess, ...workers] = service.processes.map((p) => p.child);
    // Workers build their index at start; one warm-up screening makes sure they are ready.
    await api(base, 'POST', '/v1/screenings?wait=true', { name: 'warm up' });

    const figures: RunFigures[] = [];
    const suppressionPairs: { without: RunFigures; with: RunFigures }[] = [];
    const runFile = async (rows: number, label: string) => {
      const file = path.join(dir, `customers-${rows}.csv`);
      const expected = await writeCustomerFile(file, rows, people, planted);
      console.log(
        `\n${rows.toLocaleString('en-US')} rows (${((await stat(file)).size / 1024 / 1024).toFixed(0)} MB)${label}:`,
      );
      const result = await runBatch(
        base,
        apiProcess!.pid!,
        workers.map((w) => w.pid!),
        file,
        rows,
        expected,
      );
      await rm(file);
      return result;
    };
    if (SUPPRESSIONS > 0) {
      const rows = ROW_COUNTS[0]!;
      const spool = createPool(db.url, 1);
      for (let round = 1; round <= 2; round++) {
        await spool.query(DELETE_BENCH_SUPPRESSIONS);
        await spool.query('ANALYZE suppressions');
        const without = await runFile(rows, `, round ${round}, no suppressions in the table`);
        const made = (await spool.query(INSERT_BENCH_SUPPRESSIONS, [SUPPRESSIONS])).rowCount ?? 0;
        await spool.query('ANALYZE suppressions');
        const suppressedRows = (
          await spool.query(`SELECT count(*)::int AS n FROM suppressions WHERE reference <= $1`, [
            `C${String(rows).padStart(8, '0')}`,
          ])
        ).rows[0].n;
        const withThem = await runFile(
          rows,
          `, round ${round}, ${int(made)} suppressions in the table (${int(suppressedRows)} on the file's rows)`,
        );
        suppressionPairs.push({ without, with: withThem });
        figures.push(without, withThem);
      }
      await spool.end();
    } else {
      for (const rows of ROW_COUNTS) figures.push(await runFile(rows, ''));
    }
    const peer = await runPeer(base, people.slice(0, PEER_ROWS));
    const peerRate = (peer.rows / peer.ms) * 1000;

    console.log(
      `\nBatch screening end to end: ${WORKERS} worker processes, ${os.cpus().length} cores, lists ${LISTS.map(([, f]) => f).join(', ')}`,
    );
    console.log(
      '| rows | file | upload (file sent, rows stored, chunks queued) | first rows screened after | done after the upload ended | end to end | rows/s end to end | API RSS peak (idle) | worker RSS peak | CPU s: API / workers | hits | planted found |',
    );
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const f of figures) {
      console.log(
        `| ${int(f.rows)} | ${f.fileMb.toFixed(0)} MB | ${secs(f.uploadMs)} (${int((f.rows / f.uploadMs) * 1000)} rows/s) | ${secs(f.firstResultMs)} | ${secs(f.tailMs)} | ${secs(f.totalMs)} | ${int((f.rows / f.totalMs) * 1000)} | ${mb(f.apiPeakKb)} (${mb(f.apiBaseKb)}) | ${mb(f.workerPeakKb)} | ${f.apiCpuS.toFixed(0)} / ${f.workerCpuS.toFixed(0)} | ${int(f.hits)} | ${f.plantedFound}/${f.planted} |`,
      );
    }
    console.log(
      `| peer: POST /v1/screenings one row at a time, ${PEER_CONCURRENCY} in flight | ${int(peer.rows)} rows | | | | ${secs(peer.ms)} | ${int(peerRate)} | | | | | |`,
    );
    console.log('\nResults download (GET /v1/batches/:id/results as CSV, streamed page by page):');
    for (const f of figures) {
      console.log(
        `  ${int(f.rows)} rows: ${f.downloadMb.toFixed(0)} MB in ${secs(f.downloadMs)}, API RSS peak ${mb(f.apiDownloadPeakKb)}`,
      );
    }
    for (const [i, pair] of suppressionPairs.entries()) {
      const ratio = pair.with.totalMs / pair.without.totalMs;
      console.log(
        `\nSuppressions, round ${i + 1}: ${int(pair.with.rows)} rows end to end in ${secs(pair.without.totalMs)} without, ${secs(pair.with.totalMs)} with ${int(SUPPRESSIONS)} suppressions in the table: ratio ${ratio.toFixed(3)} (${ratio >= 1 ? '+' : ''}${((ratio - 1) * 100).toFixed(1)}%); hits ${int(pair.without.hits)} / ${int(pair.with.hits)}.`,
      );
    }
    const best = figures[figures.length - 1]!;
    console.log(
      `\nBatch is ${(((best.rows / best.totalMs) * 1000) / peerRate).toFixed(1)}x the one-at-a-time peer (${int(best.rows)} rows).`,
    );
    const missing = figures.filter((f) => f.plantedFound !== f.planted);
    if (missing.length > 0) process.exitCode = 1;
  } finally {
    await service?.stop();
    await db.drop().catch((e: unknown) => console.error('could not drop the scratch database', e));
    await rm(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
